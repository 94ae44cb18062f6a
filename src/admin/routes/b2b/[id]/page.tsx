import { useParams } from "react-router-dom"
import { CompanyPage } from "../../../components/b2b/company-page"

/** One company: details, employees, contracts, price debugger. */
const B2bCompanyPage = () => {
  const { id } = useParams()
  return <CompanyPage id={id!} />
}

export const handle = {
  breadcrumb: () => "Company",
}

export default B2bCompanyPage
