import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

/** Vendor chunk for a module id, so no single chunk grows absurdly large. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id)) {
    return 'react';
  }
  // antd's building blocks (rc-* components, css-in-js, dayjs for the pickers) apart from antd itself.
  if (/\/node_modules\/(@ant-design|@rc-component|rc-[^/]+|@emotion|stylis|dayjs)\//.test(id)) return 'antd-base';
  if (/\/node_modules\/antd\//.test(id)) return 'antd';
  return 'vendor';
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // antd itself is one ~500 kB (≈150 kB gzip) chunk; splitting it by component makes circular chunks
    chunkSizeWarningLimit: 600,
    assetsDir: 'assets',
    sourcemap: false,
    rollupOptions: {
      output: {
        manualChunks: vendorChunk,
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
      '/readyz': { target: apiTarget, changeOrigin: false },
    },
  },
});
