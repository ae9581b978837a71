#!/usr/bin/env node
'use strict';
// The CLI is TypeScript compiled to lib/ by `npm run prepare` (run by npm ci / npm install).
require('../lib/cli/main.js').run();
