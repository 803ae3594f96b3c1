module.exports = require('../../jest.preset.cjs')('@euroflex/exports', __dirname);
