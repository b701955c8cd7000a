/**
 * First start on an empty data folder: the secretariat account and the non-paper
 * template as the first document. Later starts find both and do nothing.
 */
import { generatePassword } from './auth/passwords.ts'
import { passwordProblem } from './auth/password-policy.ts'
import { createDocument, importInProcess } from './documents/creation.ts'
import { loadTemplate, templateExists } from './documents/template.ts'
import type { Services } from './services.ts'

/** The id of the document imported from the template on first start. */
export const firstDocumentId = 'non-paper'

/** What bootstrapping did. */
export interface Bootstrap {
  /** Set when the secretariat account was created now. */
  secretariatCreated: boolean
  /** Set when the password was generated (it is printed once and never stored in clear). */
  generatedPassword?: string
  /** Set when the template was imported now. */
  documentCreated: boolean
}

/** Creates the secretariat account and the template document if the store has none. */
export async function bootstrapStore(services: Services): Promise<Bootstrap> {
  const { options } = services
  const result: Bootstrap = { secretariatCreated: false, documentCreated: false }
  if (services.accounts.count() === 0) {
    const password = options.secretariatPassword ?? generatePassword()
    const weak = passwordProblem(password, 'secretariat')
    if (weak) throw new Error(`ACCORD_SECRETARIAT_PASSWORD is refused: ${weak}`)
    await services.accounts.create({ username: 'secretariat', password, role: 'secretariat' })
    result.secretariatCreated = true
    if (!options.secretariatPassword) {
      result.generatedPassword = password
      options.log(`accord: created account "secretariat" with password: ${password}`)
      options.log('accord: this password is shown once; set ACCORD_SECRETARIAT_PASSWORD to choose it yourself')
    } else {
      options.log('accord: created account "secretariat" (password from ACCORD_SECRETARIAT_PASSWORD)')
    }
  }
  if (services.documents.count() === 0) {
    if (!templateExists(options.templatesDir, 'non-paper')) {
      options.log(`accord: no template at ${options.templatesDir}/non-paper/text.txt; starting without documents`)
    } else {
      const template = loadTemplate(options.templatesDir, 'non-paper')
      const created = await createDocument(
        services,
        {
          id: firstDocumentId,
          title: 'Non-paper (AWG-KP)',
          ...template,
          createdBy: 'secretariat',
        },
        importInProcess,
      )
      result.documentCreated = created.ok
      if (created.ok)
        options.log(
          `accord: imported the non-paper template as "${firstDocumentId}" (${created.diagnostics.length} diagnostics)`,
        )
    }
  }
  return result
}
