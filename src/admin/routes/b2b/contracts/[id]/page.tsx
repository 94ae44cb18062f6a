import { useParams } from "react-router-dom"
import { ContractPage } from "../../../../components/b2b/contract-page"

/** One contract: details and editor, prices with volume tiers, CSV import (wizard) and export. */
const B2bContractPage = () => {
  const { id } = useParams()
  return <ContractPage id={id!} />
}

export const handle = {
  breadcrumb: () => "Contract",
}

export default B2bContractPage
