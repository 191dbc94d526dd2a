// Entry point of `npm start`: the server with its job worker.
import { reportStartFailure, startServer } from './server.ts';

startServer().catch(reportStartFailure);
