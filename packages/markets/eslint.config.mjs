import baseConfig, { pureDomain } from '../../eslint.config.mjs';

export default [...baseConfig, ...pureDomain];
