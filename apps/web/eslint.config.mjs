// The root config plus React's hook rules for the web app.
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../../eslint.config.mjs';

export default [...root, reactHooks.configs.flat.recommended];
