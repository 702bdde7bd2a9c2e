export interface CsrfFieldProps {
  token: string
}

export function CsrfField(props: CsrfFieldProps) {
  return <input type="hidden" name="_csrf" value={props.token} />
}
