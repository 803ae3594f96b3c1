module.exports = require('../../jest.preset.cjs')('@euroflex/analytics', __dirname);
