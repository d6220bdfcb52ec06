// Loading and error state around an API call, for a screen's reads and its commands.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'

export function useLoad(read) {
  const data = ref(null)
  const loading = ref(false)
  const error = ref(null)
  async function load(...args) {
    loading.value = true
    error.value = null
    try {
      data.value = await read(...args)
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
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
