import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { countryCodesPlugin, mapFontFacesPlugin, rtlTextPluginUrlPlugin } from './src/web/build/vite-plugins.ts';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot('./src/web'),
  base: '/',
  publicDir: fromRoot('./src/web/public'),
  plugins: [react(), countryCodesPlugin(), mapFontFacesPlugin(), rtlTextPluginUrlPlugin()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Fonts and the map's worker are large by nature; nothing is inlined as data: URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
