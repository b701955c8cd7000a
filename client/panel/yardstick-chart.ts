/**
 * The income/cut yardstick drawn as an SVG scatter: one point per Party (cut
 * against log per-capita income), the fitted line, and the selected Party
 * enlarged and named. Above the line a Party offers more than the pattern asks
 * of its income; below it, less — so points are coloured by side.
 */
import type { Yardstick } from '../../shared/yardsticks/income-cut.ts'

const SVG = 'http://www.w3.org/2000/svg'
const width = 320
const height = 210
const margin = { left: 34, right: 8, top: 8, bottom: 30 }

/** The chart's element and the function that redraws it. */
export interface YardstickChart {
  dom: SVGSVGElement
  render(yardstick: Yardstick | null, selected: string | null): void
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v))
  if (text !== undefined) e.textContent = text
  return e
}

// Round steps (1, 2, 5 × 10ⁿ) so tick labels read as people write numbers.
function niceStep(span: number, count: number): number {
  const raw = span / count
  const power = 10 ** Math.floor(Math.log10(raw))
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!
}

/** Creates the chart; `onPick` hears a click on a Party's point. */
export function createYardstickChart(onPick: (party: string) => void): YardstickChart {
  const dom = svg('svg', { class: 'yardstick-chart', viewBox: `0 0 ${width} ${height}`, role: 'img' })
  return {
    dom,
    render(yardstick, selected) {
      dom.replaceChildren()
      if (!yardstick) {
        dom.setAttribute('aria-label', 'Income/cut yardstick: no line yet')
        dom.append(
          svg(
            'text',
            { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty' },
            'No line yet: inscribe at least two Parties',
          ),
        )
        return
      }
      const rows = yardstick.rows
      dom.setAttribute('aria-label', `Income/cut yardstick: ${rows.length} Parties and the fitted line`)
      const xs = rows.map((r) => Math.log(r.incomePerCapitaUsd))
      const ys = rows.map((r) => r.cutPercent)
      const [x0, x1] = [Math.min(...xs) - 0.1, Math.max(...xs) + 0.1]
      const yStep = niceStep(Math.max(...ys) - Math.min(...ys) || 10, 5)
      const [y0, y1] = [Math.floor(Math.min(...ys) / yStep) * yStep, Math.ceil(Math.max(...ys) / yStep) * yStep]
      const px = (x: number) => margin.left + ((x - x0) / (x1 - x0)) * (width - margin.left - margin.right)
      const py = (y: number) =>
        height - margin.bottom - ((y - y0) / (y1 - y0 || 1)) * (height - margin.top - margin.bottom)

      const axes = svg('g', { class: 'axes' })
      for (let y = y0; y <= y1 + 1e-9; y += yStep) {
        axes.append(
          svg('line', {
            x1: margin.left,
            x2: width - margin.right,
            y1: py(y),
            y2: py(y),
            class: y === 0 ? 'grid zero' : 'grid',
          }),
        )
        axes.append(svg('text', { x: margin.left - 3, y: py(y) + 3, 'text-anchor': 'end' }, String(Math.round(y))))
      }
      for (const income of [1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5]) {
        const x = Math.log(income)
        if (x < x0 || x > x1) continue
        axes.append(
          svg('line', {
            x1: px(x),
            x2: px(x),
            y1: height - margin.bottom,
            y2: height - margin.bottom + 3,
            class: 'tick',
          }),
        )
        axes.append(
          svg(
            'text',
            { x: px(x), y: height - margin.bottom + 12, 'text-anchor': 'middle' },
            income >= 1e3 ? `${income / 1e3}k` : String(income),
          ),
        )
      }
      axes.append(
        svg(
          'text',
          { x: (margin.left + width - margin.right) / 2, y: height - 3, 'text-anchor': 'middle', class: 'axis-title' },
          `GDP per capita ${yardstick.options.incomeYear}, US$ (log scale)`,
        ),
      )
      axes.append(
        svg(
          'text',
          {
            x: 9,
            y: (margin.top + height - margin.bottom) / 2,
            'text-anchor': 'middle',
            class: 'axis-title',
            transform: `rotate(-90 9 ${(margin.top + height - margin.bottom) / 2})`,
          },
          'cut, %',
        ),
      )
      dom.append(axes)

      const { intercept, slope } = yardstick.line
      dom.append(
        svg('line', {
          class: 'fitted-line',
          x1: px(x0),
          y1: py(intercept + slope * x0),
          x2: px(x1),
          y2: py(intercept + slope * x1),
        }),
      )

      const points = svg('g', { class: 'points' })
      let chosen: SVGGElement | null = null
      rows.forEach((r, i) => {
        const isSelected = r.party === selected
        const g = svg('g', {
          class: `point ${r.distancePercent >= 0 ? 'above' : 'below'}${isSelected ? ' selected' : ''}`,
          'data-party': r.party,
        })
        g.append(svg('circle', { cx: px(xs[i]), cy: py(ys[i]), r: isSelected ? 6 : 3.5 }))
        g.append(
          svg(
            'title',
            {},
            `${r.party}: cut ${r.cutPercent.toFixed(1)} %, ${r.distancePercent >= 0 ? 'above' : 'below'} the line by ${Math.abs(r.distancePercent).toFixed(1)} points`,
          ),
        )
        g.addEventListener('click', () => onPick(r.party))
        if (isSelected) {
          const anchor = px(xs[i]) > width / 2 ? 'end' : 'start'
          g.append(
            svg(
              'text',
              {
                x: px(xs[i]) + (anchor === 'end' ? -8 : 8),
                y: py(ys[i]) - 6,
                'text-anchor': anchor,
                class: 'point-label',
              },
              r.party,
            ),
          )
          chosen = g
        } else points.append(g)
      })
      // The selected point last, so no other point covers it.
      if (chosen) points.append(chosen)
      dom.append(points)
    },
  }
}
