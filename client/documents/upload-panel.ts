/**
 * Tabling a text (secretariat): choose a plain text, Markdown or Word file, see the
 * upload's progress, read the preview — what the importer found, nothing stored yet —
 * and only then create the document. Creation sends the same file with the preview's
 * digest, so what goes live is exactly what was previewed; the server refuses anything
 * else, and a refused upload stores nothing.
 */
import { ApiError } from '../app/api.ts'
import { button, el } from '../dom/element.ts'
import type { CreatedDocument, DocumentApi, DocumentPreview } from './document-api.ts'
import { previewView } from './preview-view.ts'

/** The accepted files, by extension and type, for the file chooser. */
const ACCEPT =
  '.txt,.text,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The upload panel; `created` hears of each new document. */
export function createUploadPanel(api: DocumentApi, created: (result: CreatedDocument) => void): HTMLElement {
  const file = el('input', { type: 'file', id: 'upload-file', accept: ACCEPT })
  const title = el('input', { type: 'text', id: 'upload-title', size: '40', maxlength: '200' })
  const id = el('input', { type: 'text', id: 'upload-id', size: '20', placeholder: 'from the title' })
  const progress = el('progress', { max: '100', value: '0', 'aria-label': 'Upload progress', hidden: '' })
  const progressText = el('span', { class: 'progress-text', 'aria-live': 'polite' })
  const error = el('p', { class: 'form-error', role: 'alert' })
  const previewSlot = el('div', { class: 'preview-slot' })
  let preview: DocumentPreview | null = null

  const reset = () => {
    preview = null
    previewSlot.replaceChildren()
    error.textContent = ''
  }
  const showProgress = (what: string) => (sent: number, total: number) => {
    progress.hidden = false
    progress.value = total ? Math.round((sent / total) * 100) : 100
    progressText.textContent = `${what}: ${Math.round(sent / 1024)} of ${Math.round(total / 1024)} KB sent`
  }
  const failed = (what: string) => (e: unknown) => {
    error.textContent = `${what}: ${e instanceof ApiError ? explain(e) : String(e)}`
    previewButton.disabled = false
  }

  file.addEventListener('change', () => {
    reset()
    const chosen = file.files?.[0]
    if (chosen && !title.value.trim()) title.value = chosen.name.replace(/\.[^.]*$/, '')
  })
  for (const input of [title, id]) input.addEventListener('input', reset)

  const previewButton = button('Preview', { class: 'primary' }, () => {
    const chosen = file.files?.[0]
    reset()
    if (!chosen) return void (error.textContent = 'Choose a file first.')
    if (!title.value.trim()) return void (error.textContent = 'Give the document a title.')
    previewButton.disabled = true
    api.preview(chosen, title.value.trim(), id.value.trim(), showProgress('Preview')).then((result) => {
      previewButton.disabled = false
      preview = result
      progressText.textContent = `Read ${chosen.name}: nothing stored yet.`
      const create = button('Create the document', { class: 'primary' }, () => createFrom(chosen, result))
      const cancel = button('Discard', {}, reset)
      previewSlot.replaceChildren(previewView(result), el('div', { class: 'preview-actions' }, create, cancel))
    }, failed('The file cannot be tabled'))
  })

  const createFrom = (chosen: File, shown: DocumentPreview) => {
    if (preview !== shown) return
    api.create(chosen, shown.title, id.value.trim(), shown.digest, showProgress('Upload')).then((result) => {
      reset()
      file.value = ''
      title.value = ''
      id.value = ''
      progressText.textContent = `Created “${result.document.title}” (${result.document.id}), tabled as Rev.0.`
      created(result)
    }, failed('The document was not created'))
  }

  return el(
    'section',
    { class: 'upload-panel', 'aria-label': 'Table a text' },
    el('h2', {}, 'Table a text'),
    el(
      'p',
      { class: 'muted' },
      'Plain text (.txt), Markdown (.md) or Word (.docx). You see what the importer read before anything is stored.',
    ),
    el(
      'div',
      { class: 'upload-fields' },
      el('label', { for: 'upload-file' }, 'File'),
      file,
      el('label', { for: 'upload-title' }, 'Title'),
      title,
      el('label', { for: 'upload-id' }, 'Id (optional)'),
      id,
    ),
    el('div', { class: 'upload-actions' }, previewButton, progress, progressText),
    error,
    previewSlot,
  )
}

// The server's refusal with the field and reason it names.
function explain(e: ApiError): string {
  const detail = e.details[0]
  return detail ? `${e.message} (${detail.message})` : e.message
}
