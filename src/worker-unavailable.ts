/** Why a Worker cannot serve yet, as the 503 every request gets until it is configured. */
export function unavailable(message: string): Response {
  const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: message }
  return Response.json(problem, { status: 503, headers: { 'content-type': 'application/problem+json' } })
}
