import { createApp } from 'vue'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import './style.css'
import App from './App.vue'
import { router } from './router.js'
import { claims, currentUser, loadConfig, userManager } from './auth.js'
import { session } from './session.js'

async function start() {
  const app = createApp(App)
  try {
    await loadConfig()
    session.user = await currentUser()
    session.claims = claims(session.user)
    userManager().events.addUserLoaded((user) => {
      session.user = user
      session.claims = claims(user)
    })
    userManager().events.addUserUnloaded(() => {
      session.user = null
      session.claims = null
    })
  } catch (error) {
    app.provide('startError', error.message)
  }
  app.use(router)
  app.mount('#app')
}

start()
