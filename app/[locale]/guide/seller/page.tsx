import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { StepsGuide } from '../../_components/steps-guide';
import { InstallGuide } from './_components/install-guide';
import { SafetyGuide } from './_components/safety-guide';

export default async function SellerGuide({ params }: PageProps<'/[locale]/guide/seller'>) {
  setRequestLocale((await params).locale as Locale);
  return (
    <>
      <StepsGuide which="seller" count={8} />
      <SafetyGuide />
      <InstallGuide />
    </>
  );
}
