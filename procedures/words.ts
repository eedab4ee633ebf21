/**
 * Portal words shared by several steps, in the portals' languages (kk, ru, en where the portal
 * has it). Quoted exactly as the portals print them; matching ignores case, ё/е, dashes and spacing.
 */
export const W = {
  password: ['Пароль*', 'Құпия сөз*', 'Құпиясөз*', 'Password'],
  /** what tells a password field from its confirmation */
  /** stems end with "*": «повтор*» fits «Повторите пароль» */
  repeat: ['повтор*', 'подтвер*', 'еще раз', 'қайта*', 'растау', 'растаңыз', 'repeat*', 'confirm*', 'again'],
  newPassword: ['Новый пароль', 'Жаңа пароль', 'Жаңа құпия сөз', 'New password'],
  login: ['Логин', 'Login', 'ИИН', 'ЖСН', 'IIN', 'Имя пользователя', 'Пайдаланушы аты'],
  email: [
    'E-mail',
    'Email',
    'Эл. почта',
    'Электронная почта',
    'Адрес электронной почты',
    'Электрондық пошта',
    'Электрондық пошта мекенжайы',
    'Почта',
    'Пошта',
  ],
  selectCertificate: ['Выбрать сертификат', 'Сертификатты таңдау', 'Select certificate', 'Choose certificate'],
  signInButton: ['Войти', 'Вход', 'Кіру', 'Log in', 'Sign in'],
  yes: ['Да', 'Иә', 'Yes'],
  send: ['Отправить', 'Жіберу', 'Send', 'Submit'],
  step2: ['Шаг 2', '2 - қадам', '2 қадам', 'Step 2'],
  registrationData: ['регистрационные данные', 'тіркеу деректері', 'тіркеу деректер*', 'registration data'],
  step3: ['Шаг 3', '3 - қадам', '3 қадам', 'Step 3'],
  registrationAccount: ['Учетная запись', 'Тіркеу есебі', 'Registration account'],
  invoiceJournal: ['Журнал счетов-фактур', 'Шот-фактуралар журналы', 'Invoice journal'],
  ieTab: ['ИП', 'ЖК', 'IE', 'Индивидуальный предприниматель', 'Жеке кәсіпкер'],
  registerAsIe: ['Зарегистрироваться как ИП', 'ЖК ретінде тіркелу', 'Register as IE'],
  legalEntity: ['Юридическое лицо', 'Заңды тұлға', 'ЮЛ', 'ЗТ', 'Legal entity'],
  registration: ['Регистрация', 'Тіркеу', 'Тіркелу', 'Registration'],
  notRegistered: [
    'не зарегистрирован',
    'тіркелмеген*',
    'пройти регистрацию',
    'тіркеуден өт*',
    'зарегистрироваться?',
    'тіркелу керек',
    'not registered',
  ],
} as const;
