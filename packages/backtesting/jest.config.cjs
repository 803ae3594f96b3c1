module.exports = require('../../jest.preset.cjs')('@euroflex/backtesting', __dirname);
