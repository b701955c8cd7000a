// A burst of typing in one paragraph, in the log's words: which words went and which came.
import { describe, expect, it } from 'vitest'
import { describeTypedEdit, typedEditDraft } from '../../shared/text-edits/typed-edit.ts'

describe('typed edits in the log', () => {
  it('names the words changed, inserted and deleted', () => {
    expect(describeTypedEdit('The Parties shall act.', 'The Parties should act.')).toBe('changed “shall” to “should”')
    expect(describeTypedEdit('reduce emissions by X', 'reduce their emissions by X')).toBe('inserted “their”')
    expect(describeTypedEdit('reduce emissions by X per cent.', 'reduce emissions.')).toBe('deleted “by X per cent”')
    expect(describeTypedEdit('Parties shall fully cooperate', 'Parties should cooperate now')).toBe(
      'changed “shall fully” to “should”; inserted “now”',
    )
    expect(describeTypedEdit('same', 'same')).toBeNull()
  })

  it('is a log draft with the place and both versions, or nothing when the words came back', () => {
    expect(typedEditDraft('shall act', 'should act', 'in Option 2 of section A')).toEqual({
      op: 'edit-text',
      ids: [],
      summary: 'changed “shall” to “should” in Option 2 of section A',
      notes: ['before: shall act', 'after: should act'],
    })
    expect(typedEditDraft('shall act', 'shall act', '')).toBeNull()
  })
})
