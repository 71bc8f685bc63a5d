/**
 * How hard the zips Tematik writes (a project as .qdpx, the dataset) are
 * compressed. Level 1 takes half the time of the usual 6 for a file 3 %
 * larger: on a thousand transcripts, a second or more of waiting for a few
 * megabytes that nobody notices.
 */
export const exportZipLevel = 1;
