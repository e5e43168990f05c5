/**
 * The widget's own words (buttons, labels, errors) in every locale the widget knows.
 * The conversation's texts come from the server; these only frame them.
 * Unknown locales fall back by language ('da-XY' → 'da'), then to Danish.
 */
const da = {
  open: 'Spørg Medspiller',
  title: 'Medspiller',
  subtitle: 'Hjælp til din sag med kommunen',
  close: 'Luk',
  language: 'Sprog',
  log: 'Samtale',
  you: 'Du',
  choices: 'Vælg et svar',
  send: 'Send',
  answer: 'Dit svar',
  date: 'Dato',
  dateHint: 'Skriv fx 3. marts 2026 eller 03-03-2026.',
  dateCalendar: 'Eller vælg i kalenderen',
  dateInvalid: 'Jeg kan ikke læse datoen. Skriv den fx sådan: 3. marts 2026.',
  dateAfter: 'Datoen må ikke være efter {date}.',
  dateBefore: 'Datoen må ikke være før {date}.',
  textRequired: 'Skriv dit svar først.',
  // Typing at a choice question, under the buttons.
  typeOwn: 'Skriv selv',
  typeOwnLabel: 'Eller skriv selv',
  typeOwnHint: 'Du kan også skrive fx hjælp, gentag eller menneske.',
  skip: 'Spring over',
  back: 'Tilbage',
  restart: 'Start forfra',
  human: 'Tal med et menneske',
  read: 'Læs op',
  stopReading: 'Stop oplæsning',
  delete: 'Slet samtale',
  deleteAsk: 'Vil du slette hele samtalen? Det kan ikke fortrydes.',
  deleteYes: 'Ja, slet den',
  deleteNo: 'Nej, behold den',
  deleted: 'Samtalen er slettet. Har du bedt en rådgiver om at kontakte dig, og er din besked allerede sendt videre, kan rådgiveren stadig se den.',
  newChat: 'Start en ny samtale',
  loading: 'Et øjeblik …',
  offline: 'Der er ingen forbindelse lige nu. Tjek dit internet, og prøv igen.',
  failed: 'Noget gik galt hos os. Prøv igen om lidt.',
  busy: 'Der er travlt lige nu. Vent lidt, og prøv igen.',
  expired: 'Din tidligere samtale findes ikke mere. Vi starter en ny.',
  retry: 'Prøv igen',
  copy: 'Kopiér',
  copied: 'Teksten er kopieret.',
  copyFailed: 'Teksten kunne ikke kopieres. Markér den, og kopiér den selv.',
  print: 'Udskriv',
  printBlocked: 'Vinduet til udskrift blev blokeret. Tillad pop op-vinduer, eller brug Kopiér.',
  download: 'Hent som tekstfil',
  downloadWord: 'Hent som Word-fil',
  calendar: 'Læg i din kalender',
  source: 'Kilde',
  newWindow: '(åbner i et nyt vindue)',
  done: 'Samtalen er slut.',
  // When a request fails or the conversation moved on without the widget.
  movedOn: 'Samtalen var allerede gået videre. Her er, hvor du er nu.',
  callPhone: 'Vil du tale med et menneske, så ring til kommunens borgerservice på {phone}.',
  callCitizenService: 'Vil du tale med et menneske, så ring til din kommunes borgerservice.',
  waitSeconds: 'Du kan prøve igen om cirka {n} sekunder.',
  waitMinute: 'Du kan prøve igen om cirka et minut.',
  waitMinutes: 'Du kan prøve igen om cirka {n} minutter.',
  retryNow: 'Du kan prøve igen nu.',
};

export type StringKey = keyof typeof da;
export type Strings = Record<StringKey, string>;

const en: Strings = {
  open: 'Ask Medspiller',
  title: 'Medspiller',
  subtitle: 'Help with your case with the municipality',
  close: 'Close',
  language: 'Language',
  log: 'Conversation',
  you: 'You',
  choices: 'Choose an answer',
  send: 'Send',
  answer: 'Your answer',
  date: 'Date',
  dateHint: 'For example 3 March 2026 or 03-03-2026.',
  dateCalendar: 'Or pick it in the calendar',
  dateInvalid: 'I cannot read that date. Write it like this: 3 March 2026.',
  dateAfter: 'The date cannot be after {date}.',
  dateBefore: 'The date cannot be before {date}.',
  textRequired: 'Please write your answer first.',
  // Typing at a choice question, under the buttons.
  typeOwn: 'Type instead',
  typeOwnLabel: 'Or type your answer',
  typeOwnHint: 'You can also type, for example, help, repeat or human.',
  skip: 'Skip',
  back: 'Back',
  restart: 'Start again',
  human: 'Talk to a person',
  read: 'Read aloud',
  stopReading: 'Stop reading',
  delete: 'Delete conversation',
  deleteAsk: 'Do you want to delete the whole conversation? This cannot be undone.',
  deleteYes: 'Yes, delete it',
  deleteNo: 'No, keep it',
  deleted: 'The conversation is deleted. If you asked an adviser to contact you and your message has already been passed on, the adviser can still see it.',
  newChat: 'Start a new conversation',
  loading: 'One moment …',
  offline: 'There is no connection right now. Check your internet and try again.',
  failed: 'Something went wrong on our side. Please try again in a moment.',
  busy: 'It is busy right now. Wait a little and try again.',
  expired: 'Your earlier conversation no longer exists. We are starting a new one.',
  retry: 'Try again',
  copy: 'Copy',
  copied: 'The text is copied.',
  copyFailed: 'The text could not be copied. Select it and copy it yourself.',
  print: 'Print',
  printBlocked: 'The print window was blocked. Allow pop-ups, or use Copy.',
  download: 'Download as text file',
  downloadWord: 'Download as Word file',
  calendar: 'Add to your calendar',
  source: 'Source',
  newWindow: '(opens in a new window)',
  done: 'The conversation has ended.',
  // When a request fails or the conversation moved on without the widget.
  movedOn: 'The conversation had already moved on. This is where you are now.',
  callPhone: 'To talk to a person, call the municipality’s citizen service on {phone}.',
  callCitizenService: 'To talk to a person, call your municipality’s citizen service.',
  waitSeconds: 'You can try again in about {n} seconds.',
  waitMinute: 'You can try again in about a minute.',
  waitMinutes: 'You can try again in about {n} minutes.',
  retryNow: 'You can try again now.',
};

/** Easy-read Danish: short sentences, common words. */
const daLet: Strings = {
  ...da,
  subtitle: 'Hjælp med din sag',
  dateHint: 'Skriv fx 3. marts 2026.',
  dateCalendar: 'Eller vælg dagen i kalenderen',
  dateInvalid: 'Jeg forstår ikke datoen. Skriv den sådan: 3. marts 2026.',
  dateAfter: 'Datoen skal være {date} eller før.',
  dateBefore: 'Datoen skal være {date} eller senere.',
  textRequired: 'Du skal skrive noget først.',
  // Typing at a choice question, under the buttons.
  typeOwnLabel: 'Eller skriv dit svar',
  typeOwnHint: 'Du kan også skrive: hjælp.',
  deleteAsk: 'Vil du slette samtalen? Så er den væk for altid.',
  deleted: 'Samtalen er slettet.',
  offline: 'Der er ingen forbindelse. Prøv igen.',
  failed: 'Der skete en fejl. Prøv igen om lidt.',
  busy: 'Der er travlt. Vent lidt. Prøv så igen.',
  expired: 'Din gamle samtale er væk. Vi starter en ny.',
  copyFailed: 'Det virkede ikke. Markér teksten, og kopiér den selv.',
  // When a request fails or the conversation moved on without the widget.
  movedOn: 'Samtalen var gået videre. Her er du nu.',
  callPhone: 'Vil du tale med et menneske? Ring til kommunen på {phone}.',
  callCitizenService: 'Vil du tale med et menneske? Ring til din kommune.',
  waitSeconds: 'Prøv igen om {n} sekunder.',
  waitMinute: 'Prøv igen om et minut.',
  waitMinutes: 'Prøv igen om {n} minutter.',
  retryNow: 'Nu kan du prøve igen.',
};

/**
 * Arabic (right to left) for the widget's frame. Written without a native speaker:
 * have it reviewed before a council relies on it.
 */
const ar: Strings = {
  open: 'اسأل Medspiller',
  title: 'Medspiller',
  subtitle: 'مساعدة في قضيتك مع البلدية',
  close: 'إغلاق',
  language: 'اللغة',
  log: 'المحادثة',
  you: 'أنت',
  choices: 'اختر إجابة',
  send: 'إرسال',
  answer: 'إجابتك',
  date: 'التاريخ',
  dateHint: 'اكتب مثلاً 03-03-2026.',
  dateCalendar: 'أو اختر اليوم من التقويم',
  dateInvalid: 'لا أستطيع قراءة التاريخ. اكتبه هكذا: 03-03-2026.',
  dateAfter: 'لا يمكن أن يكون التاريخ بعد {date}.',
  dateBefore: 'لا يمكن أن يكون التاريخ قبل {date}.',
  textRequired: 'اكتب إجابتك أولاً.',
  // Typing at a choice question, under the buttons.
  typeOwn: 'اكتب بنفسك',
  typeOwnLabel: 'أو اكتب إجابتك',
  typeOwnHint: 'يمكنك أيضاً أن تكتب مثلاً: مساعدة، كرر، شخص.',
  skip: 'تخطَّ',
  back: 'رجوع',
  restart: 'ابدأ من جديد',
  human: 'تحدث مع شخص',
  read: 'اقرأ بصوت عالٍ',
  stopReading: 'أوقف القراءة',
  delete: 'احذف المحادثة',
  deleteAsk: 'هل تريد حذف المحادثة كلها؟ لا يمكن التراجع عن ذلك.',
  deleteYes: 'نعم، احذفها',
  deleteNo: 'لا، احتفظ بها',
  deleted: 'تم حذف المحادثة. إذا طلبت أن يتصل بك مستشار وكانت رسالتك قد أُرسلت إليه بالفعل، فيمكن للمستشار أن يراها.',
  newChat: 'ابدأ محادثة جديدة',
  loading: 'لحظة من فضلك …',
  offline: 'لا يوجد اتصال الآن. تحقق من الإنترنت وحاول مرة أخرى.',
  failed: 'حدث خطأ من جهتنا. حاول مرة أخرى بعد قليل.',
  busy: 'هناك ضغط كبير الآن. انتظر قليلاً وحاول مرة أخرى.',
  expired: 'محادثتك السابقة لم تعد موجودة. سنبدأ محادثة جديدة.',
  retry: 'حاول مرة أخرى',
  copy: 'نسخ',
  copied: 'تم نسخ النص.',
  copyFailed: 'تعذر نسخ النص. حدده وانسخه بنفسك.',
  print: 'طباعة',
  printBlocked: 'تم حظر نافذة الطباعة. اسمح بالنوافذ المنبثقة، أو استخدم النسخ.',
  download: 'تنزيل كملف نصي',
  downloadWord: 'تنزيل كملف Word',
  calendar: 'أضف إلى التقويم',
  source: 'المصدر',
  newWindow: '(يفتح في نافذة جديدة)',
  done: 'انتهت المحادثة.',
  // When a request fails or the conversation moved on without the widget.
  movedOn: 'كانت المحادثة قد تقدمت بالفعل. هذا هو المكان الذي وصلت إليه الآن.',
  callPhone: 'للتحدث مع شخص، اتصل بخدمة المواطنين في البلدية على الرقم {phone}.',
  callCitizenService: 'للتحدث مع شخص، اتصل بخدمة المواطنين في بلديتك.',
  waitSeconds: 'يمكنك المحاولة مرة أخرى بعد حوالي {n} ثانية.',
  waitMinute: 'يمكنك المحاولة مرة أخرى بعد دقيقة تقريباً.',
  waitMinutes: 'يمكنك المحاولة مرة أخرى بعد حوالي {n} دقائق.',
  retryNow: 'يمكنك المحاولة مرة أخرى الآن.',
};

const TABLE: Record<string, Strings> = { da, en, 'da-LET': daLet, ar };

export function stringsFor(locale: string): Strings {
  return TABLE[locale] ?? TABLE[locale.split('-')[0] ?? ''] ?? da;
}

/** The language tag for `lang` attributes and speech: easy-read Danish is Danish. */
export function languageTag(locale: string): string {
  const language = locale.split('-')[0] ?? 'da';
  return /^[a-z]{2,3}$/.test(language) ? language : 'da';
}

/** Fills `{name}` placeholders in a widget string. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
