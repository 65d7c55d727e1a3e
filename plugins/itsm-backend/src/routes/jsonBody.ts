import express from 'express';

/** Parses JSON request bodies of up to 1 MB, the limit of every non-alert route. */
export const jsonBody = express.json({ limit: '1mb' });
