/**
 * Opening a room's root types on a Y.Doc: the one place the product calls `getMap` and
 * `getXmlFragment` on a room, so the typed accessors (`text-room.ts`, `proposals-room.ts`)
 * only say which type each root has.
 */
import type * as Y from 'yjs'

/**
 * Every root named in `names`, opened on `ydoc` under its role: those in `fragments` as
 * XML fragments (a ProseMirror text), all others as maps.
 */
export function openRoots<Names extends Record<string, string>>(
  ydoc: Y.Doc,
  names: Names,
  fragments: ReadonlyArray<keyof Names> = [],
): Record<keyof Names, Y.XmlFragment | Y.Map<unknown>> {
  const roots = {} as Record<keyof Names, Y.XmlFragment | Y.Map<unknown>>
  for (const role of Object.keys(names) as Array<keyof Names>) {
    roots[role] = fragments.includes(role) ? ydoc.getXmlFragment(names[role]) : ydoc.getMap(names[role])
  }
  return roots
}
