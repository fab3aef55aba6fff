import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { StepsGuide } from '../../_components/steps-guide';

export default async function BuyerGuide({ params }: PageProps<'/[locale]/guide/buyer'>) {
  setRequestLocale((await params).locale as Locale);
  return <StepsGuide which="buyer" count={5} />;
}
