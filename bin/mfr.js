#!/usr/bin/env node
require('../dist/mfr.js');
