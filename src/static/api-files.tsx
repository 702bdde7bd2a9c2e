import { buildApiDocument } from '../openapi/document'
import { Layout } from '../views/layout'
import { ApiDocsPage } from '../views/pages/api-docs'

/**
 * `/api/openapi.json` and `/api/docs`, built from the routes once per build. The reference page
 * is the same for everyone, so its header is the shared one (no sign-in offer to a signed-in reader).
 */
export async function apiFiles(): Promise<[string, string][]> {
  const document = await buildApiDocument()
  const page = (
    <Layout title="API reference" styles={['api-docs.css']} caller={null} csrfToken="" shared>
      <ApiDocsPage document={document} />
    </Layout>
  )
  return [
    ['api/openapi.json', JSON.stringify(document)],
    ['api/docs.html', `<!DOCTYPE html>${await page.toString()}`],
  ]
}
