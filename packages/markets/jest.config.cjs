module.exports = require('../../jest.preset.cjs')('@euroflex/markets', __dirname);
