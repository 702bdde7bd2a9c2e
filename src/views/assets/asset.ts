export interface Asset {
  body: string
  type: string
}

export const css = (body: string): Asset => ({ body, type: 'text/css; charset=utf-8' })
export const js = (body: string): Asset => ({ body, type: 'text/javascript; charset=utf-8' })
