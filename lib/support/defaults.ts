// The support page as shipped, until a coordinator saves the cooperative's own text. Content, not
// interface text: coordinators replace it as a whole, in Markdown (./markdown.ts), per language.
// Short enough to print on one A6 card. Only numbers and organisations known to exist are named;
// local addresses are left for the cooperative to fill in. Legal statements follow German law as
// of 2026 and must be checked by the cooperative's legal adviser before the pilot.
import type { Locale } from '@/lib/i18n/routing';

const de = `_Vorlage: bitte mit der Rechtsberatung eurer Kooperative prüfen._

# Notruf
- **[110](tel:110)** Polizei · **[112](tel:112)** Rettungsdienst und Feuerwehr: kostenlos, auch ohne Guthaben
- **[116 016](tel:116016)** Hilfetelefon „Gewalt gegen Frauen“: kostenlos, anonym, rund um die Uhr, in vielen Sprachen

# Beratung
- **BesD e.V.**: Berufsverband erotische und sexuelle Dienstleistungen
- **Hydra e.V.** (Berlin) · **Doña Carmen e.V.** (Frankfurt am Main)
- **Gesundheitsamt**: anonyme, kostenlose Beratung zu sexuell übertragbaren Infektionen (§ 19 IfSG). Adresse vor Ort nachschlagen
- Fachberatung für Sexarbeit in deiner Stadt: vor Ort nachschlagen und hier eintragen

# Deine Rechte
- **Polizei darf verlangen**: deine Personalien (Name, Geburtsdatum, Anschrift …) und deinen Ausweis; bei der Arbeit deine Anmelde- oder Aliasbescheinigung (§§ 3, 5 ProstSchG).
- **Schweigen**: Zur Sache musst du als Beschuldigte nichts sagen. Sag: „Ich sage nichts ohne Anwältin oder Anwalt.“ Als Zeugin musst du bei der Polizei nur aussagen, wenn die Staatsanwaltschaft es angeordnet hat; was dich selbst belasten kann, darfst du immer verweigern.
- **Handy**: Du musst es nicht entsperren, keine PIN nennen und niemandem diese App zeigen. Tipp: Entsperren per Fingerabdruck oder Gesicht ausschalten. Bei Beschlagnahme: widersprechen, nichts unterschreiben.
- **Kunden** können nichts verlangen: keine Handlung, die du nicht willst, keinen Ausweis, kein Foto, kein Handy. Es gilt Kondompflicht (§ 32 ProstSchG). Du darfst jederzeit abbrechen.
`;

const en = `_Template: please check with your cooperative's legal adviser._

# Emergency
- **[110](tel:110)** police · **[112](tel:112)** ambulance and fire brigade: free, even without credit
- **[116 016](tel:116016)** Hilfetelefon "Gewalt gegen Frauen" (help line for violence against women): free, anonymous, day and night, in many languages

# Counselling
- **BesD e.V.**: Berufsverband erotische und sexuelle Dienstleistungen (professional association of sex workers)
- **Hydra e.V.** (Berlin) · **Doña Carmen e.V.** (Frankfurt am Main)
- **Gesundheitsamt** (public health office): anonymous, free counselling on sexually transmitted infections (§ 19 IfSG). Look up your local office
- Counselling for sex workers in your city: look it up locally and add it here

# Your rights
- **Police may demand**: your personal details (name, date of birth, address …) and your ID; at work, your registration or alias certificate (§§ 3, 5 ProstSchG).
- **Silence**: As a suspect you need not say anything about the matter. Say: "I will not speak without a lawyer." As a witness you must answer the police only if the public prosecutor has ordered it; you may always refuse what could incriminate yourself.
- **Phone**: You need not unlock it, give a PIN or show anyone this app. Tip: turn off unlocking by fingerprint or face. If it is seized: object, sign nothing.
- **Clients** can demand nothing: no act you do not want, no ID, no photo, no phone. Condoms are compulsory (§ 32 ProstSchG). You may stop at any time.
`;

export const SUPPORT_DEFAULTS: Record<Locale, string> = { de, en };
