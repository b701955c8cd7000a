import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
import { fullScenario, dohaScenario, template, templateDoc, fullComputation } from '../test/consolidate/template-fixture.ts'
for (const sc of [fullScenario, dohaScenario]) {
  const t = performance.now()
  const c = consolidate(templateDoc, sc, { bindings: template.bindings, computation: fullComputation })
  const f = checkRemovals(templateDoc, sc, c.doc, { bindings: template.bindings, computation: fullComputation })
  console.log((performance.now() - t).toFixed(0), 'ms', JSON.stringify(f.map((x) => x.message), null, 1).slice(0, 3000))
}
