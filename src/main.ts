// Wiring only: the early fetch of the big data files, the page's styles, and start-up, which owns
// the phases (startup.ts).
import './early-fetch';
import './style.css';
import { start } from './startup';

void start();
