import * as b from '../test/builder.ts'
import { schema } from '../shared/schema/index.ts'
import { serializeText } from '../shared/serialize/plain.ts'
const { doc, provision, p, option, label, heading } = b
const opt = (id: string, ...children: any[]) => option({ id, run: 'r1' })(...children)
const lbl = (n: string) => label('option', `Option ${n}:`, n)
const d = doc(schema.nodes.section.create({ id: 's1' }, [heading('section', 0)(label('section', 'A.', 'A'), ' Finance'), provision(label('provision', '4.', '4'), ' '), opt('o1', p(lbl('A'), ' Parties shall report.')), opt('o2', b.pg(0)(lbl('B'), ' Parties may report.'), b.pg(0)(label('provision', '5.', '5'), ' The Fund shall serve this Agreement.'))]))
console.log(JSON.stringify(serializeText(d)))
