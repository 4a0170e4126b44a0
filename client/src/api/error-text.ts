import type { Language } from '../i18n/language';
import { ApiError } from './session';

type Words = { vi: string; zh: string };

/**
 * The API's refusals by code, in Vietnamese and Chinese (its messages are English). The server's own
 * message follows, for the detail it names (which parameter, which clause); in English it stands alone.
 */
const API_ERRORS: Record<string, Words> = {
  invalid_parameter: { vi: 'Tham số không hợp lệ', zh: '参数无效' },
  unknown_parameter: { vi: 'Tham số không được hỗ trợ', zh: '不支持的参数' },
  invalid_body: { vi: 'Dữ liệu gửi lên không hợp lệ', zh: '提交的数据无效' },
  invalid_text: { vi: 'Văn bản có ký tự không hợp lệ', zh: '文本含有无效字符' },
  invalid_path: { vi: 'Đường dẫn không hợp lệ', zh: '路径无效' },
  invalid_document: { vi: 'Tệp không đọc được (cần .txt, .md hoặc .docx)', zh: '无法读取文件（需 .txt、.md 或 .docx）' },
  not_found: { vi: 'Không tìm thấy', zh: '未找到' },
  too_large: { vi: 'Quá lớn để xử lý', zh: '内容过大，无法处理' },
  too_many_clauses: { vi: 'Văn bản có quá nhiều điều khoản để nhập một lần', zh: '文件条款过多，无法一次导入' },
  conversion_busy: { vi: 'Đang đọc nhiều tệp Word khác: thử lại sau giây lát', zh: '正在读取其他 Word 文件：请稍后重试' },
  not_signed_in: { vi: 'Cần đăng nhập biên tập', zh: '需要以编辑身份登录' },
  csrf_token: { vi: 'Phiên làm việc đã đổi: hãy tải lại trang', zh: '会话已变更：请刷新页面' },
  cross_origin: { vi: 'Yêu cầu đến từ một trang khác, bị từ chối', zh: '来自其他网站的请求，已拒绝' },
  no_status: { vi: 'Đối tượng này không có tình trạng để thay đổi', zh: '该对象没有可更改的状态' },
  conflict: { vi: 'Đối tượng vừa được người khác sửa: xem lại rồi thử lại', zh: '该对象刚被他人修改：请查看后重试' },
  store_unavailable: { vi: 'Tạm thời không kết nối được cơ sở dữ liệu: thử lại sau giây lát', zh: '暂时无法连接数据库：请稍后重试' },
  starting: { vi: 'Máy chủ đang khởi động: thử lại sau giây lát', zh: '服务器正在启动：请稍后重试' },
  offline: { vi: 'Không có mạng: thay đổi chưa được lưu và không được giữ lại để gửi sau', zh: '无网络：修改未保存，也不会留待稍后发送' },
  sign_in_busy: { vi: 'Đang có nhiều lượt đăng nhập: thử lại sau giây lát', zh: '登录请求过多：请稍后重试' },
};

/**
 * The store out of reach while a change was being saved (`error.mayBeStored`): the connection may have dropped
 * after the commit, so the words say to check before trying again, not just to try again.
 */
const STORE_UNAVAILABLE_WHILE_SAVING: Words = {
  vi: 'Mất kết nối cơ sở dữ liệu khi đang lưu: thay đổi có thể đã được lưu. Hãy tải lại trang và kiểm tra trước khi thử lại',
  zh: '保存时数据库连接中断：更改可能已经保存。请刷新页面核对后再重试',
};

const mayBeStored = (error: ApiError) => (error.body as { error?: { mayBeStored?: unknown } } | null)?.error?.mayBeStored === true;

/** What went wrong, in the user's language: a refusal the API names by code is said in words, its detail kept. */
export function errorText(error: unknown, language: Language): string {
  const message = error instanceof Error ? error.message : String(error);
  if (language === 'en' || !(error instanceof ApiError)) return message;
  const words = error.code === 'store_unavailable' && mayBeStored(error) ? STORE_UNAVAILABLE_WHILE_SAVING : API_ERRORS[error.code];
  return words ? `${words[language]} — ${message}` : message;
}
