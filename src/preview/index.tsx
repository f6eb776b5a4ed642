import { createRoot } from 'react-dom/client';
import { Preview } from './Preview';

const container = document.getElementById('root');
if (container) createRoot(container).render(<Preview />);
