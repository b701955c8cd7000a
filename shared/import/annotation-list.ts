/**
 * A document's annotation list, changed one correction at a time: pure
 * functions an editor calls to record a reviewer's correction (and to undo it),
 * each giving a new list. A correction replaces any earlier one it contradicts
 * at the same place (an option made there and then unmade, a letter marked a
 * placeholder and then text), so the list never holds both.
 */
import type { Annotation, AnnotationPlace } from './annotations.ts'

// Kinds that say opposite things of one place.
const OPPOSITES: Partial<Record<Annotation['kind'], Annotation['kind']>> = {
  option: 'not-option',
  'not-option': 'option',
  placeholder: 'text',
  text: 'placeholder',
  alternatives: 'independent',
  independent: 'alternatives',
  'option-end': 'run-end',
  'run-end': 'option-end',
}

function samePlace(a: AnnotationPlace, b: AnnotationPlace): boolean {
  return a.line === b.line && a.text === b.text && (a.nth ?? 1) === (b.nth ?? 1)
}

function sameThrough(a: Annotation, b: Annotation): boolean {
  if (!a.through || !b.through) return !a.through && !b.through
  return samePlace(a.through, b.through)
}

/** Whether two annotations are the same correction (the reason aside). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a.kind === b.kind && samePlace(a, b) && sameThrough(a, b)
}

/** `list` with `annotation` added, replacing what it contradicts at its place (and itself, if already there). */
export function addAnnotation(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  const opposite = OPPOSITES[annotation.kind]
  const kept = list.filter(
    (a) =>
      !sameAnnotation(a, annotation) &&
      !(a.kind === opposite && samePlace(a, annotation) && sameThrough(a, annotation)),
  )
  return [...kept, annotation]
}

/** `list` without `annotation` (the same correction at the same place); unchanged when it is not there. */
export function removeAnnotation(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  return list.filter((a) => !sameAnnotation(a, annotation))
}
