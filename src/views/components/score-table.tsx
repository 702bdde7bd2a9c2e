import type { Child } from 'hono/jsx'

export interface ScoreColumn {
  label: string
  /** Right-aligned figures (`class="num"` on the header and the cells). */
  numeric?: boolean
}

export interface ScoreRow {
  title: string
  /** One cell per column, in order. */
  cells: Child[]
}

export interface ScoreTableProps {
  class: string
  /** Read by screen readers only: the section heading says it to everyone else. */
  caption?: string
  /** Header of the first column, which names each row (topic, exam domain). */
  rowHeader: string
  columns: ScoreColumn[]
  rows: ScoreRow[]
}

/** A table of figures per topic or exam domain: the exam result's scores and the readiness panel's recall. */
export function ScoreTable(props: ScoreTableProps) {
  const num = (column: ScoreColumn | undefined) => (column?.numeric ? 'num' : undefined)
  return (
    <table class={props.class}>
      {props.caption ? <caption class="visually-hidden">{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{props.rowHeader}</th>
          {props.columns.map((column) => (
            <th scope="col" class={num(column)}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">{row.title}</th>
            {row.cells.map((cell, index) => (
              <td class={num(props.columns[index])}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
