export { BrowsingActivity } from "./browsing-activity"
export { BrowsingRateWindow } from "./browsing-rate-window"
