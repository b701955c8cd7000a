// The property of every choice in every text: choosing an option keeps every word of it
// and removes only the words of its siblings in its run (and its label); choosing an
// alternative removes only the other alternatives (and the brackets). Choices that stand
// apart are made together, one set per pass, so every option and every alternative of
// every corpus text and of our own texts is chosen once. The consolidated words are
// compared with the words the structure says stay, and the independent removal check
// must find nothing.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readDocx } from '../../shared/docx/index.ts'
import { cma6Docx } from '../corpus.ts'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../../shared/consolidate/removal-check.ts'
import { importText } from '../../shared/import/index.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { CORPUS_TEXTS, OWN_TEXTS, readText } from '../import/texts.ts'
import { groupPasses, optionPasses, wordsOf, wordsThatStay } from './choices.ts'

const TEXTS = [...CORPUS_TEXTS, ...OWN_TEXTS, 'template', 'corpus/cma6 (Word)']
// The Word working file as its reader hands it to the importer (tables with their notes).
const wordText = (await readDocx(readFileSync(cma6Docx))).text

describe.each(TEXTS)('every choice in %s', (name) => {
  const text =
    name === 'template'
      ? readText('../../../templates/non-paper/text.txt')
      : name === 'corpus/cma6 (Word)'
        ? wordText
        : readText(name)
  const { doc } = importText(text)
  const passes = [...optionPasses(doc), ...groupPasses(doc)]

  it('removes exactly what it rejects, and the check agrees', () => {
    let chosen = 0
    for (const resolutions of passes) {
      const scenario = { ...EMPTY_SCENARIO, resolutions }
      const consolidated = consolidate(doc, scenario).doc
      expect(wordsOf(consolidated), JSON.stringify(resolutions).slice(0, 200)).toEqual(wordsThatStay(doc, resolutions))
      expect(checkRemovals(doc, scenario, consolidated)).toEqual([])
      chosen += Object.keys(resolutions).length
    }
    // Every option and every group was chosen in some pass (a text with none has nothing to choose).
    expect(chosen > 0 || passes.length === 0).toBe(true)
  })
})
