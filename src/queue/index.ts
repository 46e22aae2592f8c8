// Scale-out over a BullMQ queue in Redis: producers enqueue articles, workers code and store them.
export { redisConnection, assertRedis, deadLetterName, DEFAULT_QUEUE, DEFAULT_REDIS } from './connection.js';
export { enqueueArticles, requeueDeadLetters, articleQueue, jobId, type ArticleJob, type EnqueueOptions, type EnqueueStats } from './producer.js';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions, type DeadLetter } from './worker.js';
