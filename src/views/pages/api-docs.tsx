import type { OpenAPIV3_1 } from 'openapi-types'

type Schema = OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject
type Operation = OpenAPIV3_1.OperationObject

export interface ApiDocsPageProps {
  document: OpenAPIV3_1.Document
}

interface Entry {
  method: string
  path: string
  operation: Operation
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const

function entries(document: OpenAPIV3_1.Document): Map<string, Entry[]> {
  const byTag = new Map<string, Entry[]>()
  for (const [path, item] of Object.entries(document.paths ?? {}))
    for (const method of methods) {
      const operation = item?.[method]
      if (!operation) continue
      const tag = operation.tags?.[0] ?? 'Other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }])
    }
  return new Map([...byTag].sort(([a], [b]) => a.localeCompare(b)))
}

function resolve(document: OpenAPIV3_1.Document, schema: Schema | undefined): OpenAPIV3_1.SchemaObject {
  if (!schema) return {}
  if ('$ref' in schema) return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''])
  return schema
}

/** A one-line type: `string`, `"mcq" | "mixed"`, `{questionId, choice}[]`. */
function typeName(document: OpenAPIV3_1.Document, raw: Schema | undefined): string {
  const schema = resolve(document, raw)
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (schema.anyOf) return schema.anyOf.map((s) => typeName(document, s)).join(' | ')
  if (schema.type === 'array') return `${typeName(document, schema.items)}[]`
  if (schema.type === 'object' && schema.properties) return `{${Object.keys(schema.properties).join(', ')}}`
  return [schema.type ?? 'any', schema.format].filter(Boolean).join(' ')
}

function rules(schema: OpenAPIV3_1.SchemaObject): string {
  const parts: string[] = []
  if (schema.minLength !== undefined) parts.push(`min length ${schema.minLength}`)
  if (schema.maxLength !== undefined) parts.push(`max length ${schema.maxLength}`)
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`)
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`)
  if (schema.pattern) parts.push(`matches ${schema.pattern}`)
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`)
  return parts.join(', ')
}

function Auth(props: { operation: Operation }) {
  const security = props.operation.security ?? []
  if (security.length === 0) return <p class="muted">Public: no sign-in needed.</p>
  const bearer = security.find((s) => s.bearerAuth)
  if (!bearer) return <p>Signed-in browser session only (a token cannot call this).</p>
  const scopes = bearer.bearerAuth ?? []
  return (
    <p>
      Session cookie, or a bearer token
      {scopes.length ? (
        <>
          {' with scope '}
          <code class="scope">{scopes.join(', ')}</code>
        </>
      ) : (
        ' with any scope'
      )}
      .
    </p>
  )
}

interface Field {
  name: string
  where: string
  type: string
  required: boolean
  notes: string
}

function fields(document: OpenAPIV3_1.Document, operation: Operation): Field[] {
  const list: Field[] = []
  for (const raw of operation.parameters ?? []) {
    const p = raw as OpenAPIV3_1.ParameterObject
    const schema = resolve(document, p.schema)
    list.push({
      name: p.name,
      where: p.in,
      type: typeName(document, schema),
      required: !!p.required,
      notes: rules(schema),
    })
  }
  const body = operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined
  const schema = resolve(document, body?.content?.['application/json']?.schema)
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const resolved = resolve(document, property)
    const required = schema.required?.includes(name) ?? false
    list.push({ name, where: 'body', type: typeName(document, resolved), required, notes: rules(resolved) })
  }
  return list
}

function OperationView(props: { document: OpenAPIV3_1.Document; entry: Entry }) {
  const { method, path, operation } = props.entry
  const list = fields(props.document, operation)
  const id = `op-${method}-${path.replace(/[^\w]+/g, '-')}`
  return (
    <section class="card op" id={id} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        <span class={`method method-${method}`}>{method.toUpperCase()}</span> <code>{`/api/v1${path}`}</code>
      </h3>
      <p>{operation.summary}</p>
      {operation.description ? <p class="muted">{operation.description}</p> : null}
      <Auth operation={operation} />
      {list.length ? (
        <div class="scroll">
          <table>
            <caption class="visually-hidden">{`Request fields of ${method.toUpperCase()} ${path}`}</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">In</th>
                <th scope="col">Type</th>
                <th scope="col">Rules</th>
              </tr>
            </thead>
            <tbody>
              {list.map((f) => (
                <tr>
                  <td>
                    <code>{f.name}</code>
                    {f.required ? <span class="required"> required</span> : null}
                  </td>
                  <td>{f.where}</td>
                  <td>
                    <code>{f.type}</code>
                  </td>
                  <td>{f.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p class="muted responses">
        {'Responses: '}
        {Object.keys(operation.responses ?? {}).join(', ')}
      </p>
    </section>
  )
}

/** The reference rendered on the server from the same generated OpenAPI document. */
export function ApiDocsPage(props: ApiDocsPageProps) {
  const groups = entries(props.document)
  const count = [...groups.values()].reduce((n, list) => n + list.length, 0)
  return (
    <>
      <h1>API reference</h1>
      <p>
        {`${count} operations under /api/v1. `}
        Machine-readable: <a href="/api/openapi.json">OpenAPI 3.1 document</a>. Errors are{' '}
        <code>application/problem+json</code> (RFC 9457) with a <code>field</code> naming the input at fault.
      </p>
      <nav aria-label="API sections" class="card">
        <ul class="toc">
          {[...groups.keys()].map((tag) => (
            <li>
              <a href={`#tag-${tag.toLowerCase()}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      {[...groups].map(([tag, list]) => (
        <section aria-labelledby={`tag-${tag.toLowerCase()}`}>
          <h2 id={`tag-${tag.toLowerCase()}`}>{tag}</h2>
          {list.map((entry) => (
            <OperationView document={props.document} entry={entry} />
          ))}
        </section>
      ))}
    </>
  )
}
