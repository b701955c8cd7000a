/**
 * The bracket history as an SVG chart: one row per section, one column per
 * revision (the working draft last), and in each cell two bars — brackets
 * still open (solid) and options still open (hatched) — with their numbers, so
 * a co-chair sees at a glance where the text narrowed and where it did not.
 * The top row is the whole text. Bars share one scale per row kind (total,
 * sections), so a long bar means the same everywhere below the totals.
 */
import type { HistoryPoint } from './revision-api.ts'

const SVG = 'http://www.w3.org/2000/svg'

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  if (text !== undefined) node.textContent = text
  return node
}

const LABEL_WIDTH = 190
const CELL_WIDTH = 96
const ROW_HEIGHT = 30
const BAR_HEIGHT = 10
const HEAD_HEIGHT = 34

/** Draws `points` as a chart; returns the `<svg>` element. */
export function bracketHistoryChart(points: HistoryPoint[]): SVGSVGElement {
  const rows: { id: string; label: string; cells: { brackets: number; options: number }[] }[] = [
    {
      id: 'total',
      label: 'Whole text',
      cells: points.map((p) => ({ brackets: p.remaining.brackets, options: p.remaining.options })),
    },
  ]
  // Sections in the order of the latest column that has them; a section gone later keeps its row.
  const seen = new Map<string, string>()
  for (const point of [...points].reverse())
    for (const s of point.remaining.sections)
      if (!seen.has(s.id))
        seen.set(s.id, `${s.name}${s.title && s.title !== s.name ? ` ${s.title.replace(/^[A-Z]\.\s*/, '')}` : ''}`)
  const order = points.at(-1)?.remaining.sections.map((s) => s.id) ?? []
  for (const id of [...order, ...[...seen.keys()].filter((k) => !order.includes(k))]) {
    const cells = points.map((p) => {
      const s = p.remaining.sections.find((x) => x.id === id)
      return { brackets: s?.brackets ?? 0, options: s?.options ?? 0 }
    })
    if (cells.every((c) => c.brackets === 0 && c.options === 0)) continue
    rows.push({ id, label: seen.get(id)!, cells })
  }
  const width = LABEL_WIDTH + points.length * CELL_WIDTH + 10
  const height = HEAD_HEIGHT + rows.length * ROW_HEIGHT + 28
  const root = svg('svg', {
    class: 'bracket-history',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': 'Brackets and options remaining per section at each revision',
  })
  const defs = svg('defs', {})
  const pattern = svg('pattern', {
    id: 'options-hatch',
    width: 4,
    height: 4,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  })
  pattern.append(
    svg('rect', { width: 4, height: 4, fill: '#fff1d6' }),
    svg('line', { x1: 0, y1: 0, x2: 0, y2: 4, stroke: '#8a4b00', 'stroke-width': 2 }),
  )
  defs.append(pattern)
  root.append(defs)

  points.forEach((p, i) => {
    const x = LABEL_WIDTH + i * CELL_WIDTH
    root.append(svg('text', { x: x + 4, y: 16, class: 'chart-head' }, p.name === 'draft' ? 'Draft' : p.name))
  })
  const scale = (kind: 'total' | 'section') => {
    const subset = kind === 'total' ? rows.slice(0, 1) : rows.slice(1)
    const max = Math.max(1, ...subset.flatMap((r) => r.cells.flatMap((c) => [c.brackets, c.options])))
    return (n: number) => (n / max) * (CELL_WIDTH - 34)
  }
  const totalScale = scale('total')
  const sectionScale = scale('section')
  rows.forEach((row, r) => {
    const y = HEAD_HEIGHT + r * ROW_HEIGHT
    const g = svg('g', { class: `chart-row${r === 0 ? ' chart-total' : ''}`, 'data-section': row.id })
    if (r % 2 === 0) g.append(svg('rect', { x: 0, y: y - 4, width, height: ROW_HEIGHT, class: 'chart-stripe' }))
    g.append(
      svg(
        'text',
        { x: 4, y: y + 14, class: 'chart-label' },
        row.label.length > 26 ? row.label.slice(0, 25) + '…' : row.label,
      ),
    )
    const len = r === 0 ? totalScale : sectionScale
    row.cells.forEach((cell, i) => {
      const x = LABEL_WIDTH + i * CELL_WIDTH
      const title = svg(
        'title',
        {},
        `${row.label}, ${points[i].name}: ${cell.brackets} brackets, ${cell.options} options open`,
      )
      const brackets = svg('rect', {
        x,
        y: y + 1,
        width: Math.max(len(cell.brackets), cell.brackets ? 2 : 0),
        height: BAR_HEIGHT,
        class: 'bar-brackets',
      })
      const options = svg('rect', {
        x,
        y: y + BAR_HEIGHT + 3,
        width: Math.max(len(cell.options), cell.options ? 2 : 0),
        height: BAR_HEIGHT,
        class: 'bar-options',
        fill: 'url(#options-hatch)',
      })
      const cellGroup = svg('g', { class: 'chart-cell' })
      cellGroup.append(
        title,
        brackets,
        options,
        svg('text', { x: x + len(cell.brackets) + 4, y: y + BAR_HEIGHT, class: 'chart-number' }, String(cell.brackets)),
        svg(
          'text',
          { x: x + len(cell.options) + 4, y: y + 2 * BAR_HEIGHT + 3, class: 'chart-number' },
          String(cell.options),
        ),
      )
      g.append(cellGroup)
    })
    root.append(g)
  })
  const legendY = HEAD_HEIGHT + rows.length * ROW_HEIGHT + 12
  root.append(
    svg('rect', { x: 4, y: legendY - 9, width: 14, height: BAR_HEIGHT, class: 'bar-brackets' }),
    svg('text', { x: 22, y: legendY, class: 'chart-legend' }, 'brackets open'),
    svg('rect', {
      x: 124,
      y: legendY - 9,
      width: 14,
      height: BAR_HEIGHT,
      class: 'bar-options',
      fill: 'url(#options-hatch)',
    }),
    svg('text', { x: 142, y: legendY, class: 'chart-legend' }, 'options open'),
  )
  return root
}
