import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The gateway serves the build under /console/. `npm run dev` proxies the API, the console's config and the
// API description to a running platform (GRIDGOV_GATEWAY, by default the local one on :8080).
const gateway = process.env.GRIDGOV_GATEWAY || 'http://localhost:8080'

export default defineConfig({
  base: '/console/',
  plugins: [
    vue(),
    // Element Plus components and their styles imported where they are used, not the whole library
    AutoImport({ resolvers: [ElementPlusResolver()], dts: false }),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
  ],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': gateway,
      '/console/config.json': gateway,
    },
  },
})
