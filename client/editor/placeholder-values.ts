/**
 * Values of placeholders (X, V, W …) in the shared 'values' map: read, watched by
 * name, and written by co-chairs after the same range check the model applies,
 * so that a value the model would ignore is refused at the field instead.
 */
import type * as Y from 'yjs'
import { checkVariableValue, VARIABLES, type VariableValue } from '../../shared/model/variables.ts'
import type { StepRecorder } from './step-recorder.ts'
import { setVariableValue } from '../../shared/document/model-state.ts'
import { VALUE_ORIGIN } from './undo-manager.ts'
import { textRoom } from '../../shared/document/text-room.ts'

/** The placeholder values of one document. */
export class PlaceholderValues {
  private readonly map: Y.Map<VariableValue>
  private watchers = new Map<string, Set<() => void>>()
  private readonly onChange: (event: Y.YMapEvent<VariableValue>) => void

  constructor(
    private ydoc: Y.Doc,
    readonly mayWrite: boolean,
    private readonly log: StepRecorder,
  ) {
    this.map = textRoom(ydoc).values
    this.onChange = (event) => {
      for (const name of event.keysChanged) this.watchers.get(name)?.forEach((watch) => watch())
    }
    this.map.observe(this.onChange)
  }

  /** The value set for `name`, if any. */
  get(name: string): VariableValue | undefined {
    return this.map.get(name)
  }

  /** What `name` stands for, for labels ("aggregate reduction below 1990 (per cent)"). */
  describe(name: string): string {
    return VARIABLES[name]?.label ?? 'value not yet agreed'
  }

  /** Tell `watcher` when `name`'s value changes; returns the function that stops it. */
  watch(name: string, watcher: () => void): () => void {
    let set = this.watchers.get(name)
    if (!set) this.watchers.set(name, (set = new Set()))
    set.add(watcher)
    return () => set!.delete(watcher)
  }

  /**
   * Set `name` from what was typed (empty clears it); returns why it was refused, or null.
   * The value it already has is no change: Enter and then leaving the field is one step, logged once.
   */
  set(name: string, typed: string): string | null {
    if (!this.mayWrite) return 'you may not set values'
    const text = typed.trim()
    if (text === '') {
      if (this.map.has(name))
        this.write(() => setVariableValue(this.ydoc, name, null), name, `cleared the value of ${name}`)
      return null
    }
    const value = Number(text.replace(',', '.'))
    const problem = checkVariableValue(name, value)
    if (problem) return problem
    if (this.map.get(name) !== value)
      this.write(() => setVariableValue(this.ydoc, name, value), name, `set ${name} to ${value}`)
    return null
  }

  private write(change: () => void, name: string, summary: string): void {
    this.log.record(() => {
      this.ydoc.transact(change, VALUE_ORIGIN)
      return { op: 'value', ids: [name], summary }
    })
  }

  /** Stop observing. */
  destroy(): void {
    this.map.unobserve(this.onChange)
    this.watchers.clear()
  }
}
