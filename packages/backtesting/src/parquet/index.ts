export { writeParquet, DEFAULT_PAGE_SIZE_BYTES } from './writeParquet';
export type { ParquetCompression, ParquetWriteOptions } from './writeParquet';
