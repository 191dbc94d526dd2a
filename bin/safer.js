#!/usr/bin/env node
// The `safer` command. TypeScript runs through tsx, so `npx safer …` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
