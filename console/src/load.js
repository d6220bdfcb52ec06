// Loading and error state around an API call, for a screen's reads and its commands.
import { reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { idempotencyKey } from './api.js'

export function useLoad(read) {
  const data = ref(null)
  const { busy: loading, error, execute } = useCommand(async (...args) => {
    data.value = await read(...args)
  })
  async function load(...args) {
    await execute(...args)
    return data.value
  }
  return { data, loading, error, load }
}

/** A command: busy while it runs, its error kept for the form, a success message when done. */
export function useCommand(run, done) {
  const busy = ref(false)
  const error = ref(null)
  async function execute(...args) {
    busy.value = true
    error.value = null
    try {
      const result = await run(...args)
      if (done) ElMessage.success(done)
      return result
    } catch (e) {
      error.value = e
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, error, execute }
}

/**
 * A dialog's form and the command it sends: `fill(fields)` starts a new filling-in (those fields, no error, a new
 * Idempotency-Key), `execute()` calls `send(form, key)` as a command (busy, its error shown by the form: field errors
 * beside the fields, the rest in a ProblemAlert). The key stays while the form is open, so pressing again after a
 * lost answer does not act twice.
 */
export function useForm(send, done) {
  const form = reactive({})
  let key = idempotencyKey()
  const command = useCommand(() => send(form, key), done)
  function fill(fields = {}) {
    command.error.value = null
    key = idempotencyKey()
    Object.keys(form).forEach((k) => delete form[k])
    Object.assign(form, structuredClone(fields))
  }
  return { ...command, form, fill }
}
