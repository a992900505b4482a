import { renderApp } from '../../components/app-root';
import { OptionsApp } from '../../components/options-app';

renderApp(<OptionsApp />);
