/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pn-draft.h"
#include "pn-draft-private.h"
#include "pn-date.h"

struct _PnDraft
{
  PnDocument *document;
  char       *text;
  GPtrArray  *figures;    /* PnDraftFigure */
  GStrv       warnings;
  /* what a notice keeps in force longer (PnDraftExtension), each with its
   * number; worked out whole with the library (pn_draft_resolve_extensions ()) */
  GPtrArray  *extensions;
};

G_DEFINE_QUARK (pn-draft-error-quark, pn_draft_error)
G_DEFINE_BOXED_TYPE (PnDraft, pn_draft, pn_draft_ref, pn_draft_unref)

static void
pn_draft_clear (PnDraft *self)
{
  g_clear_pointer (&self->document, pn_document_unref);
  g_free (self->text);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_strfreev (self->warnings);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
}

PnDraft *
pn_draft_ref (PnDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_draft_unref (PnDraft *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_draft_clear);
}

PnDocument *
pn_draft_get_document (PnDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document;
}

const char *
pn_draft_get_text (PnDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

GPtrArray *
pn_draft_get_figures (PnDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->figures;
}

const char * const *
pn_draft_get_warnings (PnDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->warnings;
}

gboolean
pn_draft_id_is_valid (const char *id)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^[a-z0-9]+(-[a-z0-9]+)*$", G_REGEX_OPTIMIZE, 0, NULL));
  return id != NULL && strlen (id) <= 100 && g_regex_match (regex, id, 0, NULL);
}

/* ---- the id ---- */

static char *
slug (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c) && !(c & 0x80))
        g_string_append_c (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len > 80)
    g_string_truncate (out, 80);
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* "xiamen-2023-17" from 厦府规〔2023〕17号 in Xiamen, the corpus's own ids. */
static char *
id_from_number (const char *doc_number,
                const char *place)
{
  int year = 0, number = 0;
  const char *p;

  if (doc_number == NULL || place == NULL)
    return NULL;
  for (p = doc_number; *p != '\0' && !g_ascii_isdigit (*p); p++)
    ;
  year = atoi (p);
  while (g_ascii_isdigit (*p))
    p++;
  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  number = atoi (p);
  if (year < 1949 || number <= 0)
    return NULL;
  return g_strdup_printf ("%s-%d-%d", place, year, number);
}

static char *
basename_id (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return slug (base);
}

/* ---- deadlines of a task list ---- */

static char *
last_day (int year,
          int month)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, g_date_get_days_in_month (month, year));
}

static void
parse_deadline (const char  *text,
                char       **out_from,
                char       **out_until)
{
  g_autofree char *s = pn_draft_normalize (text, NULL);
  int y1 = 0, y2 = 0, m = 0;
  const char *p = s;

  *out_from = *out_until = NULL;
  if (!g_ascii_isdigit (*p))
    return;
  y1 = atoi (p);
  while (g_ascii_isdigit (*p))
    p++;
  if (y1 < 1949 || y1 > 2200)
    return;

  /* 2022—2025, 2022-2025年, 2022年至2025年 */
  if (g_str_has_prefix (p, "年"))
    p += strlen ("年");
  if (g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "－") ||
      g_str_has_prefix (p, "-") || g_str_has_prefix (p, "~") || g_str_has_prefix (p, "～") ||
      g_str_has_prefix (p, "至") || g_str_has_prefix (p, "到"))
    {
      p = g_utf8_next_char (p);
      while (g_str_has_prefix (p, "—"))
        p = g_utf8_next_char (p);
      y2 = atoi (p);
      if (y2 >= y1 && y2 <= 2200)
        {
          *out_from = g_strdup_printf ("%04d-01-01", y1);
          *out_until = g_strdup_printf ("%04d-12-31", y2);
        }
      return;
    }

  /* 2025年12月, 2022年6月底前, 2023年底 */
  if (g_ascii_isdigit (*p))
    {
      m = atoi (p);
      while (g_ascii_isdigit (*p))
        p++;
      if (g_str_has_prefix (p, "月") && m >= 1 && m <= 12)
        {
          gsize pos = 0;
          char *iso = NULL;

          if (pn_draft_parse_date (s, &pos, &iso))
            *out_until = iso;
          else
            *out_until = last_day (y1, m);
        }
      return;
    }

  *out_until = g_strdup_printf ("%04d-12-31", y1);
}

/* ---- building ---- */

/* "（3）单个企业每年度获得本款奖励累计不超过2000万元" is an item of its own:
 * its yearly cap, which no benefit of its article carries, is its sibling
 * items' ("1.1.1.3" caps the benefits of 1.1.1.*), else the article's
 * before it. */
static gboolean
cap_has_members (PnDocument *document,
                 const char *id)
{
  for (guint a = 0; a < document->articles->len; a++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, a);

      for (guint b = 0; b < article->benefits->len; b++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, b);

          if (benefit->annual_caps != NULL && g_strv_contains ((const char * const *) benefit->annual_caps, id))
            return TRUE;
        }
    }
  return FALSE;
}

static void
attach_lone_caps (PnDocument *document)
{
  for (guint c = 0; c < document->annual_caps->len; c++)
    {
      PnAnnualCap *cap = g_ptr_array_index (document->annual_caps, c);
      const char *dot = strrchr (cap->article, '.');
      g_autofree char *parent = dot != NULL ? g_strndup (cap->article, dot - cap->article + 1) : NULL;

      /* "单个企业每年累计获得本办法支持不超过5000万元": every award's */
      gboolean whole = cap->text.zh != NULL &&
                       (strstr (cap->text.zh, "本办法") || strstr (cap->text.zh, "本政策") ||
                        strstr (cap->text.zh, "本措施") || strstr (cap->text.zh, "本规定") ||
                        strstr (cap->text.zh, "本方案") || strstr (cap->text.zh, "本细则"));

      if (cap_has_members (document, cap->id))
        continue;
      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);
          gboolean sibling = whole ? TRUE
                             : parent != NULL ? g_str_has_prefix (article->number, parent)
                                              : g_str_equal (article->number, cap->article);

          if (!sibling)
            continue;
          for (guint b = 0; b < article->benefits->len; b++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, b);
              guint n = benefit->annual_caps ? g_strv_length (benefit->annual_caps) : 0;

              benefit->annual_caps = g_renew (char *, benefit->annual_caps, n + 2);
              benefit->annual_caps[n] = g_strdup (cap->id);
              benefit->annual_caps[n + 1] = NULL;
            }
        }
    }
}

static char *
untranslated (const char *zh)
{
  return g_strconcat (PN_UNTRANSLATED_PREFIX, zh, NULL);
}

static void
add_note (GPtrArray  *notes,
          const char *zh,
          const char *en)
{
  g_ptr_array_add (notes, pn_text_new (zh, en));
}

static char *
body_text (PnDraftStructure *structure)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < structure->paras->len; i++)
    {
      PnDraftPara *para = g_ptr_array_index (structure->paras, i);

      g_string_append (text, para->text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The schema's ArticleNumber: "12", "3.2", no zero leading a part. */
static gboolean
article_number_is_valid (const char *number)
{
  gboolean part_start = TRUE;

  if (number == NULL || *number == '\0')
    return FALSE;
  for (const char *p = number; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (part_start)
            return FALSE;
          part_start = TRUE;
        }
      else if (!g_ascii_isdigit (*p) || (part_start && *p == '0'))
        return FALSE;
      else
        part_start = FALSE;
    }
  return !part_start;
}

/* What the text numbers twice (a task table with 序号 34 on two rows) or
 * not as an article (序号 0) gets a number of its own: "34.1" after the
 * first 34, "34.2" after that, the next free whole number for the rest.
 * The reviewer is told of the first few.  The document may use a number
 * once.  `suffixes` keeps the next suffix of each number, so that a table
 * numbering every row 1 costs no more than one numbered 1 to n. */
#define PN_DRAFT_RENUMBERED_SHOWN 5

static char *
unique_article_number (GHashTable *used,
                       GHashTable *suffixes,
                       const char *number,
                       guint       position,
                       guint      *n_renumbered,
                       GPtrArray  *warnings)
{
  g_autofree char *candidate = NULL;

  if (article_number_is_valid (number) && !g_hash_table_contains (used, number))
    return g_strdup (number);

  if (article_number_is_valid (number))
    {
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (suffixes, number));

      do
        {
          g_free (candidate);
          candidate = g_strdup_printf ("%s.%u", number, ++k);
        }
      while (g_hash_table_contains (used, candidate));
      g_hash_table_insert (suffixes, g_strdup (number), GUINT_TO_POINTER (k));
    }
  for (guint n = position; candidate == NULL; n++)
    {
      g_autofree char *next = g_strdup_printf ("%u", n);

      if (!g_hash_table_contains (used, next))
        candidate = g_steal_pointer (&next);
    }

  if ((*n_renumbered)++ < PN_DRAFT_RENUMBERED_SHOWN)
    {
      g_autofree char *zh = g_strdup_printf ("文中编号“%.40s”重复或无法作为条目编号，该条暂编为 %s，请核对。",
                                             number ? number : "", candidate);
      g_autofree char *en = g_strdup_printf ("the text numbers “%.40s” twice or not as an article; "
                                             "that article is numbered %s here: check it.",
                                             number ? number : "", candidate);

      g_ptr_array_add (warnings, pn_text_new (zh, en));
    }
  return g_steal_pointer (&candidate);
}
/* ---- a higher standard of another article's award ---- */

/* The article a text refers to as 第一条, 第（二）条 or 第2条, or NULL */
static PnArticle *
article_referred (PnDocument *document,
                  const char *text,
                  const char *end)
{
  for (const char *p = strstr (text, "第"); p != NULL && p < end; p = strstr (p + 1, "第"))
    {
      const char *q = p + strlen ("第");
      g_autofree char *number = NULL;
      gsize len;

      if (g_str_has_prefix (q, "（"))
        q += strlen ("（");
      if (g_ascii_isdigit (*q))
        {
          number = g_strdup_printf ("%d", atoi (q));
          while (g_ascii_isdigit (*q))
            q++;
        }
      else if ((len = pn_draft_cn_number_len (q)) > 0)
        {
          number = g_strdup_printf ("%d", pn_draft_cn_number (q, len));
          q += len;
        }
      if (number == NULL)
        continue;
      if (g_str_has_prefix (q, "）"))
        q += strlen ("）");
      if (!g_str_has_prefix (q, "条") && !g_str_has_prefix (q, "项") && !g_str_has_prefix (q, "款"))
        continue;
      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);

          if (g_strcmp0 (article->number, number) == 0)
            return article;
        }
    }
  return NULL;
}

static gboolean
conditions_within (PnBenefit *higher,
                   PnBenefit *lower)
{
  for (guint i = 0; i < lower->conditions->len; i++)
    {
      const PnCondition *theirs = g_ptr_array_index (lower->conditions, i);
      const PnCondition *ours = pn_benefit_find_condition (higher, theirs->question);

      if (ours == NULL)
        return FALSE;
      for (guint v = 0; ours->values[v] != NULL; v++)
        if (!g_strv_contains ((const char * const *) theirs->values, ours->values[v]))
          return FALSE;
    }
  return TRUE;
}

/* "对…儿童专用1类创新药，在第一条奖励基础上，奖励标准提高至800万元": a
 * higher standard of another article's award for some of its applicants.
 * It was drafted as an award of its own beside that one, and every 1类创新药
 * got both; it is a top-up of it, for the applicants the article names (a
 * requirement when no question asks what sets them apart). */
static void
raise_across_articles (PnDocument *document)
{
  for (guint a = 0; a < document->articles->len; a++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, a);
      const char *text = article->original;
      const char *base = text != NULL ? strstr (text, "基础上") : NULL;
      const char *on;
      PnArticle *lower_article;

      if (base == NULL ||
          pn_draft_find_any (base, (const char * const[]) { "提高至", "提高到", "提升至", "提高为", "调整为", NULL }) == NULL)
        continue;
      on = pn_draft_rfind (text, base, "在");
      lower_article = article_referred (document, on != NULL ? on : text, base);
      if (lower_article == NULL || lower_article == article)
        continue;

      for (guint b = 0; b < article->benefits->len; b++)
        {
          PnBenefit *higher = g_ptr_array_index (article->benefits, b);

          if (higher->tops_up != NULL || (higher->kind != PN_BENEFIT_FIXED && higher->kind != PN_BENEFIT_RATE))
            continue;
          for (guint l = 0; l < lower_article->benefits->len; l++)
            {
              PnBenefit *lower = g_ptr_array_index (lower_article->benefits, l);

              if (lower->kind != higher->kind || !conditions_within (higher, lower))
                continue;
              /* the applicants it names, when no condition sets them apart */
              if (higher->conditions->len == lower->conditions->len &&
                  higher->requirements->len <= lower->requirements->len && on != NULL)
                {
                  const char *subject = strstr (text, "对");
                  const char *comma = subject != NULL ? pn_draft_rfind (subject, on, "，") : NULL;
                  g_autofree char *part = NULL;

                  if (subject == NULL || comma == NULL || subject >= comma)
                    continue;
                  part = g_strndup (subject + strlen ("对"), comma - subject - strlen ("对"));
                  if (g_str_has_suffix (part, "的"))
                    part[strlen (part) - strlen ("的")] = '\0';
                  pn_draft_require_part (higher, part);
                }
              if (!pn_draft_make_top_up (higher, lower))
                continue;
              /* the note that asked to keep one is answered */
              for (guint n = 0; n < higher->notes->len; n++)
                if (g_str_has_prefix (((PnText *) g_ptr_array_index (higher->notes, n))->en,
                                      "The text raises the standard of the award before it"))
                  g_ptr_array_remove_index (higher->notes, n--);
              break;
            }
        }
    }
}

/* ---- notices that keep documents in force longer ---- */

static gboolean
is_validity_title (const char *title)
{
  return title != NULL &&
         pn_draft_find_any (title, (const char * const[]) { "延长", "延期", "有效期", "继续执行", "顺延", NULL }) != NULL;
}

/* What a notice keeps in force longer (关于延长《…》有效期的通知): in
 * `document` as <extends> where the text gives the number and the day,
 * and in `out` for pn_draft_resolve_extensions (), which finds the rest
 * in the library.  A change the notice makes to the document it extends
 * (“…”调整为“…”) is a note, not an award of the notice's own. */
static void
read_extensions (PnDocument       *document,
                 PnDraftStructure *structure,
                 const char       *title,
                 gboolean          notice,
                 GPtrArray        *out,
                 GPtrArray        *warnings)
{
  g_autofree char *subject = NULL;
  g_autofree char *latest = NULL;
  guint preamble = structure->body_start;

  if (!notice && !is_validity_title (title))
    return;
  for (guint a = 0; a < document->articles->len; a++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, a);
      g_autoptr(GPtrArray) found = pn_draft_find_extensions (article->original);

      g_ptr_array_extend_and_steal (out, g_steal_pointer (&found));
    }
  if (out->len == 0)
    return;

  /* "一、有效期延长至…": the document the title or the opening cites */
  if (structure->articles->len > 0)
    preamble = MIN (preamble, ((PnDraftArticle *) g_ptr_array_index (structure->articles, 0))->first_para);
  for (guint i = 0; subject == NULL && i <= preamble && i <= structure->paras->len; i++)
    {
      /* the title, then the paragraphs before the body, but not the
       * notice's own number */
      const char *text = i == 0 ? title : ((PnDraftPara *) g_ptr_array_index (structure->paras, i - 1))->text;
      g_autofree char *number = pn_draft_first_cited_number (text);
      g_autofree char *key = number != NULL ? pn_draft_number_key (number) : NULL;
      g_autofree char *own = document->doc_number != NULL ? pn_draft_number_key (document->doc_number) : NULL;

      if (number != NULL && g_strcmp0 (key, own) != 0)
        subject = g_steal_pointer (&number);
    }

  for (guint i = 0; i < out->len; i++)
    {
      PnDraftExtension *extension = g_ptr_array_index (out, i);
      g_autofree char *ref = NULL;
      const char *named;

      if (extension->number == NULL && subject != NULL)
        extension->number = g_strdup (subject);
      /* "…，其中第（二）条继续执行至…": of the document just named */
      if (extension->number == NULL && extension->partial && i > 0)
        extension->number = g_strdup (((PnDraftExtension *) g_ptr_array_index (out, i - 1))->number);
      named = extension->number != NULL ? extension->number : "（通知所述文件）";
      if (extension->partial)
        {
          g_autofree char *zh = g_strdup_printf ("起草提示：通知只延长%s的部分条款（至%s）：请在该文件中核对相应条款的截止日。",
                                                 named, extension->until ? extension->until : "原文所述日期");

          add_note (document->notes, zh, "Drafting note: the notice keeps only part of the document in force "
                                         "to another day: check those articles' dates in it.");
          pn_draft_warn (warnings, g_strdup ("通知只延长文件的部分条款：请核对这些条款的截止日。"),
                         g_strdup_printf ("the notice keeps part of %s in force to %s only: the whole document is "
                                          "extended in the draft; give those articles their own day in it",
                                          named, extension->until ? extension->until : "another day"));
          continue;
        }
      if (extension->until == NULL && extension->months == 0)
        {
          add_note (document->notes, "起草提示：通知延长有效期但未写明截止日期（如“至新政策出台之日”）：请在新政策施行后补上截止日期。",
                    "Drafting note: the notice extends a document without naming a last day (such as "
                    "until a new policy is issued): add the day once it is known.");
          pn_draft_warn (warnings, g_strdup ("通知延长有效期但未写明截止日期。"),
                         g_strdup ("the notice extends a document without naming a last day: nothing is "
                                   "extended until <extends until=…> is given"));
          continue;
        }
      if (extension->until == NULL)
        {
          g_autofree char *zh = g_strdup_printf ("本通知将%s的有效期延长%u个月，新的截止日按该文件的截止日推算。",
                                                 named, extension->months);
          g_autofree char *en = g_strdup_printf ("This notice keeps %s in force %u months longer, counted from "
                                                 "that document's end.", extension->number != NULL
                                                 ? extension->number : "the document it names",
                                                 extension->months);

          add_note (document->notes, zh, en);
          continue;
        }

      ref = id_from_number (extension->number, document->jurisdiction);
      if (ref != NULL && pn_draft_id_is_valid (ref) && g_strcmp0 (ref, document->id) != 0)
        {
          gboolean known = FALSE;

          for (guint e = 0; e < document->extends->len && !known; e++)
            known = g_str_equal (((PnExtension *) g_ptr_array_index (document->extends, e))->ref, ref);
          if (!known)
            pn_document_add_extension (document, ref, extension->until);
        }
      {
        g_autofree char *zh = g_strdup_printf ("本通知将%s的有效期延长至%s。", named, extension->until);
        g_autofree char *en = g_strdup_printf ("This notice keeps %s in force until %s.",
                                               extension->number != NULL ? extension->number
                                                                         : "the document it names",
                                               extension->until);

        add_note (document->notes, zh, en);
      }
      if (latest == NULL || strcmp (extension->until, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (extension->until);
        }
    }
  if (document->extends->len == 0)
    add_note (document->notes, "起草提示：通知延长的文件未能识别：请按原文补上 <extends ref=\"文件标识\" until=\"日期\"/>。",
              "Drafting note: the document the notice extends was not recognised: add "
              "<extends ref=\"ID\" until=\"DATE\"/> from the text.");
  if (document->draft)
    add_note (document->notes, "征求意见稿：定稿导入之前不延长任何文件。",
              "A draft for comment: it extends nothing until the final text is imported.");

  /* "第（二）条中“…1000万元…”调整为“…800万元…”": the extended document's
   * award changes; the notice pays nothing of its own */
  for (guint a = 0; a < document->articles->len; a++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, a);
      g_autofree char *zh = NULL;

      gboolean caps = FALSE;

      for (guint c = 0; c < document->annual_caps->len && !caps; c++)
        caps = g_strcmp0 (((PnAnnualCap *) g_ptr_array_index (document->annual_caps, c))->article, article->number) == 0;
      if ((article->benefits->len == 0 && !caps) ||
          pn_draft_find_any (article->original, (const char * const[]) { "调整为", "修改为", "改为", "变更为", NULL }) == NULL)
        continue;
      g_ptr_array_set_size (article->benefits, 0);
      for (guint c = 0; c < document->annual_caps->len; c++)
        if (g_strcmp0 (((PnAnnualCap *) g_ptr_array_index (document->annual_caps, c))->article, article->number) == 0)
          g_ptr_array_remove_index (document->annual_caps, c--);
      g_free (article->summary);
      article->summary = g_strdup ("Changes the document the notice extends; the notice itself awards nothing.");
      zh = g_strdup_printf ("本通知第%s条修改所延长文件的内容：请在该文件中据此修改（原文：%s）；本通知本身不设奖补。",
                            article->number, article->original);
      add_note (document->notes, zh, "The notice also changes the document it extends (see the Chinese): "
                                     "make the change in that document; the notice itself awards nothing.");
    }

  /* the notice lives as long as what it extends; a draft's dates are left out */
  if (!document->draft && latest != NULL)
    {
      if (document->in_force_from == NULL)
        document->in_force_from = g_strdup (document->issued);
      if (document->in_force_until == NULL || strcmp (document->in_force_until, latest) < 0)
        {
          g_free (document->in_force_until);
          document->in_force_until = g_strdup (latest);
        }
      if (document->in_force_from != NULL && strcmp (document->in_force_from, document->in_force_until) > 0)
        g_clear_pointer (&document->in_force_from, g_free);
    }

  if (notice)
    {
      PnArticle *article = g_ptr_array_index (document->articles, 0);
      const PnDraftExtension *first = g_ptr_array_index (out, 0);

      g_free (article->heading.en);
      article->heading.en = g_strdup ("Validity extended");
      g_free (document->title.en);
      document->title.en = first->until != NULL
        ? g_strdup_printf (document->draft ? "Draft notice: %s would stay in force until %s"
                                           : "Notice: %s stays in force until %s",
                           first->number ? first->number : "a document", first->until)
        : g_strdup_printf (document->draft ? "Draft notice: %s would stay in force longer"
                                           : "Notice: %s stays in force longer",
                           first->number ? first->number : "a document");
      g_free (article->summary);
      article->summary = g_strdup (strstr (document->title.en, ": ") + strlen (": "));
    }
}


PnDraft *
pn_draft_new_from_bytes (const char  *display_name,
                         GBytes      *bytes,
                         const char  *id,
                         PnTaxonomy  *taxonomy,
                         GError     **error)
{
  g_autoptr(PnDraftExtract) extract = NULL;
  g_autoptr(PnDraftStructure) structure = NULL;
  g_autoptr(PnDraftMeta) meta = NULL;
  g_autoptr(PnDraftPlaces) places = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_renumbered = 0;
  gboolean notice = FALSE;
  g_autoptr(GPtrArray) extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_draft_extension_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  PnDraft *self;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (taxonomy != NULL, NULL);
  g_return_val_if_fail (id == NULL || pn_draft_id_is_valid (id), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  extract = pn_draft_extract (display_name, bytes, error);
  if (extract == NULL)
    return NULL;

  /* A policy text runs to tens of kilobytes; a document keeps an article's
   * text of 1 MiB at most.  A text of 200,000 numbered lines was read for
   * minutes (and would not have loaded): refused at once. */
  {
    gsize length = 0;

    for (guint i = 0; i < extract->items->len; i++)
      {
        const PnDraftItem *item = g_ptr_array_index (extract->items, i);

        if (item->text != NULL)
          length += strlen (item->text) + 1;
        for (guint c = 0; item->cells != NULL && c < item->cells->len; c++)
          length += strlen (g_ptr_array_index (item->cells, c)) + 1;
      }
    if (length > PN_DRAFT_MAX_TEXT_BYTES)
      {
        g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_TOO_LARGE,
                     "%s: the text is longer than %d MiB, more than one policy document holds; split it",
                     display_name, PN_DRAFT_MAX_TEXT_BYTES / (1024 * 1024));
        return NULL;
      }
  }

  structure = pn_draft_segment (pn_draft_paragraphs (extract));
  g_ptr_array_unref (structure->paras);   /* segment took its own reference */
  /* A notice of no articles that keeps another document in force longer
   * (关于延长《…》有效期的通知): its sentences are its one article. */
  for (guint i = 0; structure->articles->len == 0 && i < structure->paras->len; i++)
    {
      PnDraftPara *para = g_ptr_array_index (structure->paras, i);
      g_autoptr(GPtrArray) found = pn_draft_find_extensions (para->text);
      g_autoptr(GString) original = NULL;
      PnDraftArticle *article;
      guint last = i;

      if (found->len == 0)
        continue;
      original = g_string_new (para->text);
      while (last + 1 < structure->paras->len &&
             strstr (((PnDraftPara *) g_ptr_array_index (structure->paras, last + 1))->text, "。") != NULL)
        {
          last++;
          g_string_append_printf (original, "\n%s", ((PnDraftPara *) g_ptr_array_index (structure->paras, last))->text);
        }
      article = g_new0 (PnDraftArticle, 1);
      article->number = g_strdup ("1");
      article->heading = g_strdup ("延长有效期");
      article->original = g_string_free (g_steal_pointer (&original), FALSE);
      article->first_para = i;
      article->last_para = last;
      g_ptr_array_add (structure->articles, article);
      structure->body_start = i;
      structure->body_end = last + 1;
      notice = TRUE;
    }
  if (structure->articles->len == 0)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_NO_ARTICLES,
                   "%s: no numbered articles found (一、（一）, 第N条, 1. or a task table with a "
                   "序号 column)", display_name);
      return NULL;
    }

  for (guint i = 0; i < structure->paras->len; i++)
    {
      PnDraftPara *para = g_ptr_array_index (structure->paras, i);

      g_debug ("paragraph %u%s%s: %s", i, para->soft ? " (soft)" : "",
               para->where ? para->where : "", para->text);
    }

  meta = pn_draft_read_meta (extract, structure);
  g_ptr_array_extend_and_steal (warnings, g_steal_pointer (&meta->warnings));
  meta->warnings = g_ptr_array_new ();
  text = body_text (structure);

  document = pn_document_new ();
  base = g_path_get_basename (display_name);
  document->title.zh = g_strdup (meta->title ? meta->title : base);
  document->title.en = untranslated (document->title.zh);
  document->doc_number = meta->doc_number ? g_strdup (meta->doc_number) : NULL;
  document->draft = meta->draft;
  document->issued = g_strdup (meta->issued);
  document->in_force_from = g_strdup (meta->in_force_from);
  document->in_force_until = g_strdup (meta->in_force_until);
  document->applies_from = g_strdup (meta->applies_from);
  document->source_file = g_strdup (base);
  document->file_name = g_strdup (display_name);
  document->last_verified = g_date_time_format (now, "%Y-%m-%d");

  /* an id before the places, whose new units are named after it */
  document->id = g_strdup (id);
  if (document->id == NULL)
    {
      g_autofree char *from_name = basename_id (display_name);

      document->id = g_strdup (from_name != NULL && *from_name != '\0' ? from_name : "draft");
    }

  places = pn_draft_places_new (taxonomy, document, meta->issuer, meta->title, meta->interpreter,
                                text, warnings);

  if (id == NULL)
    {
      g_autofree char *from_number = id_from_number (meta->doc_number, document->jurisdiction);

      if (from_number != NULL && pn_draft_id_is_valid (from_number))
        {
          /* local units were named after the provisional id */
          g_free (document->id);
          document->id = g_steal_pointer (&from_number);
          for (guint i = 0; i < document->local_units->len; i++)
            {
              PnTerm *unit = g_ptr_array_index (document->local_units, i);
              const char *suffix = strstr (unit->id, "-unit-");

              if (suffix != NULL)
                {
                  char *renamed = g_strconcat (document->id, suffix, NULL);

                  g_free (unit->id);
                  unit->id = renamed;
                }
            }
        }
    }

  if (meta->issuer != NULL)
    {
      const PnTerm *unit = pn_draft_places_find_unit (places, meta->issuer);

      document->issuer.zh = g_strdup (meta->issuer);
      document->issuer.en = unit != NULL ? g_strdup (unit->en) : NULL;
      /* 厦门市人民政府办公厅: the general office of a government the
       * taxonomy names */
      for (guint k = 0; document->issuer.en == NULL && k < 2; k++)
        {
          const char *suffix = k == 0 ? "办公厅" : "办公室";
          g_autofree char *owner = g_str_has_suffix (meta->issuer, suffix)
                                   ? g_strndup (meta->issuer, strlen (meta->issuer) - strlen (suffix)) : NULL;
          const PnTerm *government = owner != NULL && *owner != '\0' ? pn_draft_places_find_unit (places, owner) : NULL;

          if (government != NULL && government->en != NULL)
            document->issuer.en = g_strdup_printf ("General Office of the %s", government->en);
        }
      if (document->issuer.en == NULL)
        document->issuer.en = untranslated (meta->issuer);
    }
  else
    {
      document->issuer.zh = g_strdup ("文中未载明发文机关");
      document->issuer.en = g_strdup ("Issuer not named in the text");
    }

  if (meta->overlap_quote != NULL)
    {
      document->overlap_principle = g_strdup ("highest-no-stacking");
      document->overlap_where = g_strdup (meta->overlap_where);
      document->overlap_quote = g_strdup (meta->overlap_quote);
      document->overlap_en = g_strdup ("Drafted: the document's rule on overlapping awards, "
                                       "read as 就高从优不重复 (only the highest of the same kind "
                                       "counts); see the Chinese.");
    }

  for (guint i = 0; i < structure->articles->len; i++)
    {
      PnDraftArticle *source = g_ptr_array_index (structure->articles, i);
      PnArticle *article = pn_document_add_article (document);
      g_autofree char *clean = pn_draft_clean_controls (source->original);

      article->number = unique_article_number (numbers, suffixes, source->number, i + 1,
                                               &n_renumbered, warnings);
      g_hash_table_add (numbers, g_strdup (article->number));
      article->chapter = g_strdup (source->chapter && *source->chapter ? source->chapter
                                                                        : document->title.zh);
      article->heading.zh = g_strdup (source->heading && *source->heading ? source->heading
                                                                           : source->number);
      article->heading.en = untranslated (article->heading.zh);
      article->original = *clean != '\0' ? g_steal_pointer (&clean)
                                         : g_strdup (article->heading.zh);

      if (source->lead_units != NULL || source->cooperating_units != NULL)
        {
          pn_draft_places_add_units (places, source->lead_units, "lead", article->units);
          pn_draft_places_add_units (places, source->cooperating_units, "cooperating", article->units);
        }
      else
        pn_draft_read_article_units (article, places);

      if (source->deadline != NULL && *source->deadline != '\0')
        {
          article->deadline_text = g_strdup (source->deadline);
          parse_deadline (source->deadline, &article->valid_from, &article->valid_until);
        }

      pn_draft_read_benefits (article, places, taxonomy, figures);

      article->summary = article->benefits->len > 0
        ? g_strdup_printf ("Not yet summarised (drafted automatically): %u candidate benefit%s to "
                           "review.", article->benefits->len, article->benefits->len == 1 ? "" : "s")
        : g_strdup ("Not yet summarised (drafted automatically); no award figure was found in it.");
    }

  /* "六、附则 … 单个企业每年享受本办法资金总额不超过3000万元": a yearly cap
   * of every award, in the closing text no article keeps.  Read as an
   * article of its own would read it, on a scratch copy. */
  for (guint i = 0; document->articles->len > 0 && i < structure->closing->len; i++)
    {
      PnDraftPara *para = g_ptr_array_index (structure->closing, i);
      PnArticle *last = g_ptr_array_index (document->articles, document->articles->len - 1);
      g_autoptr(PnDocument) scratch = NULL;
      g_autoptr(GPtrArray) found = NULL;
      PnArticle *copy;

      g_autoptr(GString) caps = g_string_new (NULL);
      g_auto(GStrv) sentences = para->text != NULL ? g_strsplit (para->text, "。", -1) : NULL;

      /* only a sentence that caps what one enterprise gets: "专项资金每年
       *总额不超过5000万元" is the budget, no applicant's cap */
      for (guint k = 0; sentences != NULL && sentences[k] != NULL; k++)
        {
          const char *sentence = sentences[k];

          if (pn_draft_find_any (sentence, (const char * const[]) { "本办法", "本政策", "本措施", "本规定", "本方案",
                                                                    "本细则", "本意见", NULL }) != NULL &&
              pn_draft_find_any (sentence, (const char * const[]) { "每年", "年度", NULL }) != NULL &&
              pn_draft_find_any (sentence, (const char * const[]) { "不超过", "最高", "上限", NULL }) != NULL &&
              pn_draft_find_any (sentence, (const char * const[]) { "万元", "亿元", NULL }) != NULL &&
              pn_draft_find_any (sentence, (const char * const[]) {
                "单个企业", "每家企业", "每个企业", "单家企业", "同一企业", "每个单位", "单个单位", "同一单位",
                "每户企业", "单个机构", "每家机构", "单个项目单位", NULL }) != NULL &&
              pn_draft_find_any (sentence, (const char * const[]) { "安排", "预算", "专项资金总额", "资金规模",
                                                                    NULL }) == NULL)
            g_string_append_printf (caps, "%s。", sentence);
        }
      if (caps->len == 0)
        continue;

      scratch = pn_document_new ();
      scratch->id = g_strdup (document->id);
      copy = pn_document_add_article (scratch);
      copy->number = g_strdup (last->number);
      copy->original = pn_draft_clean_controls (caps->str);
      copy->document = scratch;
      found = g_ptr_array_new_with_free_func (g_free);
      pn_draft_read_benefits (copy, places, taxonomy, found);

      for (guint c = 0; c < scratch->annual_caps->len; c++)
        {
          PnAnnualCap *cap = g_ptr_array_steal_index (scratch->annual_caps, c--);

          g_free (cap->id);
          cap->id = g_strdup_printf ("%s/caps/closing-%u", document->id, document->annual_caps->len + 1);
          g_ptr_array_add (document->annual_caps, cap);
        }
    }

  attach_lone_caps (document);
  raise_across_articles (document);

  read_extensions (document, structure, meta->title, notice, extensions, warnings);

  /* the places module reports the units it proposed when it goes */
  g_clear_pointer (&places, pn_draft_places_free);

  {
    guint unreviewed = 0;
    guint n = pn_document_count_benefits (document, &unreviewed);

    g_autofree char *zh = NULL;
    g_autofree char *en = NULL;

    /* a notice of no measures says what it does in its own note */
    if (n > 0 || !notice)
      {
        zh = g_strdup_printf ("本文件由 pnav draft 从 %s 自动起草（编号方式：%s），"
                              "%u 项奖补均未经审核，审核前只显示为可能匹配，不计入任何合计。",
                              base, structure->style ? structure->style : "—", n);
        en = g_strdup_printf ("Drafted automatically by pnav draft from %s (numbering: "
                              "%s); none of its %u benefits is reviewed yet: each shows "
                              "as a possible match and counts in no total until a "
                              "reviewer marks it.",
                              base, structure->style ? structure->style : "—", n);
        add_note (document->notes, zh, en);
      }
  }
  if (n_renumbered > PN_DRAFT_RENUMBERED_SHOWN)
    {
      g_autofree char *zh = g_strdup_printf ("另有 %u 条的编号重复或无法作为条目编号，已另行编号，请核对。",
                                             n_renumbered - PN_DRAFT_RENUMBERED_SHOWN);
      g_autofree char *en = g_strdup_printf ("%u more articles the text numbers twice or not as articles "
                                             "are numbered anew: check them.",
                                             n_renumbered - PN_DRAFT_RENUMBERED_SHOWN);

      g_ptr_array_add (warnings, pn_text_new (zh, en));
    }
  /* "《…》（厦府规〔2023〕17号）同时废止", often in the closing sentences no
   * article keeps: said in a note, where pn_draft_guess_superseded () finds
   * the number the text repeals */
  for (const char *p = text != NULL ? strstr (text, "废止") : NULL; p != NULL; p = strstr (p + strlen ("废止"), "废止"))
    {
      const char *start = p;
      g_autofree char *sentence = NULL;
      g_autofree char *zh = NULL;

      while (start > text)
        {
          const char *prev = g_utf8_find_prev_char (text, start);

          if (prev == NULL || g_str_has_prefix (prev, "。") || *prev == '\n')
            break;
          start = prev;
        }
      if (strstr (start, "号") == NULL || strstr (start, "号") > p)
        continue;
      sentence = g_strndup (start, (p - start) + strlen ("废止"));
      zh = g_strdup_printf ("原文写明废止：%s。", sentence);
      add_note (document->notes, zh,
                "The text repeals a document (see the Chinese): if it is in the library, this one supersedes it.");
      break;
    }
  if (meta->issuer == NULL)
    add_note (document->notes, "文中未载明发文机关，请核实。", "The text names no issuer: check it.");
  if (meta->issued == NULL && !meta->draft)
    add_note (document->notes, "未能从落款识别成文日期，请核实。",
              "No issue date was found in a signature: check it.");
  for (guint i = 0; i < warnings->len; i++)
    {
      PnText *warning = g_ptr_array_index (warnings, i);
      g_autofree char *zh = g_strconcat ("起草提示：", warning->zh, NULL);
      g_autofree char *en = g_strconcat ("Drafting note: ", warning->en, NULL);

      add_note (document->notes, zh, en);
    }

  pn_document_seal (document);

  self = g_atomic_rc_box_new0 (PnDraft);
  self->document = g_steal_pointer (&document);
  self->text = g_steal_pointer (&text);
  self->figures = g_steal_pointer (&figures);
  self->extensions = g_steal_pointer (&extensions);
  {
    GStrvBuilder *builder = g_strv_builder_new ();

    for (guint i = 0; i < warnings->len; i++)
      g_strv_builder_add (builder, ((PnText *) g_ptr_array_index (warnings, i))->en);
    self->warnings = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
  }
  return self;
}

/* Reads at most PN_DRAFT_MAX_BYTES + 1: a file that grows while it is read
 * is still refused, and a device never blocks the read for long. */
static GBytes *
read_bounded (GFile       *file,
              const char  *name,
              GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_IO, "%s: %s", name,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
                   ? "permission denied" : local_error->message);
      return NULL;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer,
                                      MIN (sizeof buffer, PN_DRAFT_MAX_BYTES + 1 - data->len),
                                      NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_IO, "%s: %s", name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
      if (data->len > PN_DRAFT_MAX_BYTES)
        {
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_TOO_LARGE,
                       "%s: the file is larger than %d MiB", name, PN_DRAFT_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

PnDraft *
pn_draft_new_from_file (GFile       *file,
                        const char  *id,
                        PnTaxonomy  *taxonomy,
                        GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (taxonomy != NULL, NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_IO, "%s: %s", name,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? "no such file" :
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
                   ? "permission denied" : local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_NOT_REGULAR,
                   g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                   ? "%s: a folder, not a file" : "%s: not a regular file (a device, a pipe or a socket)",
                   name);
      return NULL;
    }

  /* /proc/kmsg is a "regular file" that blocks until the kernel writes,
   * /proc/self/pagemap one that holds terabytes: what such file systems
   * hold is made up as it is read (`import` refuses them too) */
  if (g_file_is_native (file))
    {
      static const char * const pseudo[] = {
        "proc", "sysfs", "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2", "pstore", "bpf",
        "binfmt_misc", "rpc_pipefs", "nsfs", NULL
      };
      g_autoptr(GFileInfo) fs = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE, NULL, NULL);
      const char *type = fs != NULL ? g_file_info_get_attribute_string (fs, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE) : NULL;

      if (type != NULL && g_strv_contains (pseudo, type))
        {
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_NOT_REGULAR,
                       "%s: not a regular file (a file of /%s, made up as it is read)", name, type);
          return NULL;
        }
    }

  if (g_file_info_get_size (info) > PN_DRAFT_MAX_BYTES)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_TOO_LARGE,
                   "%s: the file is larger than %d MiB", name, PN_DRAFT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  bytes = read_bounded (file, name, error);
  if (bytes == NULL)
    return NULL;

  return pn_draft_new_from_bytes (name, bytes, id, taxonomy, error);
}

PnDocument *
pn_draft_from_file (GFile       *file,
                    const char  *id,
                    PnTaxonomy  *taxonomy,
                    GError     **error)
{
  g_autoptr(PnDraft) draft = pn_draft_new_from_file (file, id, taxonomy, error);

  return draft != NULL ? pn_document_ref (draft->document) : NULL;
}

/* ---- what a new text replaces ---- */

/* A title without what marks its version: brackets and what they hold,
 * years, 征求意见稿, 试行, 修订, 暂行, punctuation and spaces. */
static PnBenefit *
find_article_benefit (PnArticle  *article,
                      const char *id)
{
  for (guint i = 0; id != NULL && article->benefits != NULL && i < article->benefits->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (article->benefits, i);

      if (g_strcmp0 (benefit->id, id) == 0)
        return benefit;
    }
  return NULL;
}

GPtrArray *
pn_draft_find_figures (PnDocument *document,
                       PnTaxonomy *taxonomy)
{
  g_autoptr(PnDocument) scratch = NULL;
  g_autoptr(PnDraftPlaces) places = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  GPtrArray *figures = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (pn_document_is_whole (document), NULL);
  g_return_val_if_fail (taxonomy != NULL, NULL);

  /* The figure reader fills a document of its own (benefits, annual caps,
   * new units): a scratch one of the same id, so that the benefits it
   * makes have the ids the draft gave them. */
  scratch = pn_document_new ();
  scratch->id = g_strdup (document->id);
  scratch->title.zh = g_strdup (document->title.zh);
  scratch->issuer.zh = g_strdup (document->issuer.zh);
  places = pn_draft_places_new (taxonomy, scratch, document->issuer.zh, document->title.zh,
                                NULL, NULL, warnings);

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);
      PnArticle *copy;
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

      if (article->original == NULL)
        continue;
      copy = pn_document_add_article (scratch);
      copy->number = g_strdup (article->number);
      copy->chapter = g_strdup (article->chapter);
      copy->heading.zh = g_strdup (article->heading.zh);
      copy->original = g_strdup (article->original);
      copy->document = scratch;
      pn_draft_read_benefits (copy, places, taxonomy, found);

      for (guint f = 0; f < found->len; f++)
        {
          const PnDraftFigure *figure = g_ptr_array_index (found, f);
          PnDraftFigure *mapped = g_new0 (PnDraftFigure, 1);

          mapped->article = article;
          mapped->start = figure->start;
          mapped->end = figure->end;
          mapped->role = figure->role;
          mapped->benefit = figure->benefit != NULL
                            ? find_article_benefit (article, figure->benefit->id) : NULL;
          g_ptr_array_add (figures, mapped);
        }
    }

  return figures;
}

static char *
title_key (const char *title)
{
  static const char * const marks[] = { "征求意见稿", "公开征求意见", "试行", "暂行", "修订", "修正",
                                        "送审稿", "草案", NULL };
  GString *key = g_string_new (NULL);
  int depth = 0;

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08 /* （ */ || c == '(' || c == 0x3014 /* 〔 */ || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      else if ((c == 0xFF09 || c == ')' || c == 0x3015 || c == ']' || c == 0x3011) && depth > 0)
        depth--;
      else if (depth == 0 && !g_unichar_isspace (c) && !g_unichar_ispunct (c) && c != 0x300A && c != 0x300B)
        g_string_append_unichar (key, c);
    }

  for (guint i = 0; marks[i] != NULL; i++)
    {
      char *found;

      while ((found = strstr (key->str, marks[i])) != NULL)
        g_string_erase (key, found - key->str, strlen (marks[i]));
    }

  /* years: four digits followed by 年 */
  for (gsize i = 0; i + 4 < key->len;)
    {
      if (g_ascii_isdigit (key->str[i]) && g_ascii_isdigit (key->str[i + 1]) &&
          g_ascii_isdigit (key->str[i + 2]) && g_ascii_isdigit (key->str[i + 3]) &&
          g_str_has_prefix (key->str + i + 4, "年"))
        g_string_erase (key, i, 4 + strlen ("年"));
      else
        i++;
    }

  return g_string_free (key, FALSE);
}

static gboolean
supersedes (PnDocument *document,
            const char *id)
{
  for (guint i = 0; i < document->supersedes->len; i++)
    if (g_strcmp0 (((PnSupersession *) g_ptr_array_index (document->supersedes, i))->ref, id) == 0)
      return TRUE;
  return FALSE;
}

guint
pn_draft_resolve_repeals (PnDraft   *self,
                          PnCorpus  *corpus,
                          GError   **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  PnDocument *document;
  const char *from;
  guint found = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (corpus != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  document = self->document;
  from = document->in_force_from != NULL ? document->in_force_from : document->issued;
  if (from == NULL)
    return 0;
  candidates = pn_corpus_list_documents (corpus, error);
  if (candidates == NULL)
    return 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      PnDocument *other = g_ptr_array_index (candidates, i);
      g_autofree char *key = NULL;
      g_autofree char *own = NULL;
      gboolean repealed = FALSE;

      if (g_strcmp0 (other->id, document->id) == 0 || other->doc_number == NULL || supersedes (document, other->id))
        continue;
      key = pn_draft_number_key (other->doc_number);
      own = document->doc_number != NULL ? pn_draft_number_key (document->doc_number) : NULL;
      if (g_strcmp0 (key, own) == 0)
        continue;
      /* the sentence that cites its number ends it: "…（厦府规〔2023〕17号）同时废止" */
      for (guint a = 0; a < document->articles->len + document->notes->len && !repealed; a++)
        {
          const char *text = a < document->articles->len
                             ? ((PnArticle *) g_ptr_array_index (document->articles, a))->original
                             : ((PnText *) g_ptr_array_index (document->notes, a - document->articles->len))->zh;
          g_autofree char *squashed = text != NULL ? pn_draft_number_key (text) : NULL;
          const char *at = squashed != NULL ? strstr (squashed, key) : NULL;

          for (; at != NULL && !repealed; at = strstr (at + 1, key))
            {
              const char *end = strstr (at, "。");
              g_autofree char *rest = g_strndup (at, end != NULL ? (gsize) (end - at) : strlen (at));

              repealed = pn_draft_find_any (rest, (const char * const[]) { "废止", "停止执行", "不再执行", NULL }) != NULL &&
                         strstr (rest, "延长") == NULL;
            }
        }
      if (!repealed)
        continue;
      pn_document_add_supersession (document, other->id, from);
      found++;
    }

  /* the note that asked the reviewer to look is answered */
  if (found > 0)
    for (guint i = 0; i < document->notes->len; i++)
      if (g_str_has_prefix (((PnText *) g_ptr_array_index (document->notes, i))->en, "The text repeals a document"))
        {
          PnText *note = g_ptr_array_index (document->notes, i);

          g_free (note->en);
          note->en = g_strdup ("The text repeals a document (see the Chinese): the draft supersedes it from the "
                               "day this text takes effect.");
        }
  return found;
}

PnDocument *
pn_draft_guess_superseded (PnDocument  *document,
                           PnCorpus    *corpus,
                           GError     **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *key = NULL;
  PnDocument *by_title = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  candidates = pn_corpus_list_documents (corpus, error);
  if (candidates == NULL)
    return NULL;

  /* "《…若干措施》（厦府规〔2023〕17号）同时废止": the text names what it ends */
  for (guint i = 0; i < candidates->len; i++)
    {
      PnDocument *other = g_ptr_array_index (candidates, i);

      if (g_strcmp0 (other->id, document->id) == 0 || other->doc_number == NULL ||
          g_strcmp0 (other->doc_number, document->doc_number) == 0 || supersedes (document, other->id))
        continue;
      guint n_articles = document->articles != NULL ? document->articles->len : 0;

      for (guint a = 0; a < n_articles + document->notes->len; a++)
        {
          const char *original = a < n_articles
                                 ? ((PnArticle *) g_ptr_array_index (document->articles, a))->original
                                 : ((PnText *) g_ptr_array_index (document->notes, a - n_articles))->zh;
          const char *at = original != NULL ? strstr (original, other->doc_number) : NULL;
          const char *end;
          g_autofree char *rest = NULL;

          if (at == NULL)
            continue;
          end = strstr (at, "。");
          rest = g_strndup (at, end != NULL ? (gsize) (end - at) : strlen (at));
          if (strstr (rest, "废止") != NULL || strstr (rest, "停止执行") != NULL ||
              strstr (rest, "不再执行") != NULL)
            return other;
        }
    }

  key = title_key (document->title.zh);
  for (guint i = 0; i < candidates->len; i++)
    {
      PnDocument *other = g_ptr_array_index (candidates, i);
      g_autofree char *other_key = NULL;

      if (g_strcmp0 (other->id, document->id) == 0 || supersedes (document, other->id))
        continue;
      /* the same number: the final text of a draft, renumbered */
      if (document->doc_number != NULL && g_strcmp0 (other->doc_number, document->doc_number) == 0)
        return other;
      if (by_title != NULL || g_strcmp0 (other->jurisdiction, document->jurisdiction) != 0)
        continue;
      other_key = title_key (other->title.zh);
      if (key[0] != '\0' && g_str_equal (key, other_key))
        by_title = other;
    }

  return by_title;
}

guint
pn_draft_get_n_extensions (PnDraft *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; self->extensions != NULL && i < self->extensions->len; i++)
    {
      const PnDraftExtension *extension = g_ptr_array_index (self->extensions, i);

      n += !extension->partial && (extension->until != NULL || extension->months > 0);
    }
  return n;
}

/* The longest common subsequence of two titles' keys over the longer
 * one's length: 0 … 1 */
static double
title_likeness (const char *a,
                const char *b)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong n = 0, m = 0;
  g_autofree guint *row = NULL;
  guint best = 0;

  while (x[n] != 0)
    n++;
  while (y[m] != 0)
    m++;
  if (n == 0 || m == 0 || n > 200 || m > 200)
    return 0;
  row = g_new0 (guint, m + 1);
  for (glong i = 1; i <= n; i++)
    {
      guint diagonal = 0;

      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];

          row[j] = x[i - 1] == y[j - 1] ? diagonal + 1 : MAX (row[j], row[j - 1]);
          diagonal = above;
        }
    }
  best = row[m];
  return (double) best / MAX (n, m);
}

/* The library's document whose title `quoted` names (《…》 of the notice) */
static PnDocument *
document_by_title (PnDocument *document,
                   GPtrArray  *candidates,
                   const char *quoted)
{
  g_autofree char *key = title_key (quoted);
  PnDocument *best = NULL;
  double best_likeness = 0.85;

  for (guint i = 0; i < candidates->len; i++)
    {
      PnDocument *other = g_ptr_array_index (candidates, i);
      g_autofree char *other_key = NULL;
      double likeness;

      if (g_strcmp0 (other->id, document->id) == 0)
        continue;
      other_key = title_key (other->title.zh);
      if (g_utf8_strlen (other_key, -1) < 6)
        continue;
      /* 《厦门市人民政府关于印发X的通知》 holds X */
      if (strstr (key, other_key) != NULL)
        return other;
      likeness = title_likeness (key, other_key);
      if (likeness >= best_likeness)
        {
          best = other;
          best_likeness = likeness;
        }
    }
  return best;
}

guint
pn_draft_resolve_extensions (PnDraft    *self,
                             PnCorpus   *corpus,
                             GError    **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  PnDocument *document;
  guint found = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (corpus != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (pn_draft_get_n_extensions (self) == 0)
    return 0;
  document = self->document;
  candidates = pn_corpus_list_documents (corpus, error);
  if (candidates == NULL)
    return 0;

  for (guint r = 0; r < self->extensions->len; r++)
    {
      PnDraftExtension *request = g_ptr_array_index (self->extensions, r);
      g_autofree char *guessed = NULL;
      g_autofree char *until = NULL;
      PnDocument *target = NULL;
      PnExtension *extension = NULL;

      if (request->partial || (request->until == NULL && request->months == 0))
        continue;
      /* by the number it cites, however its brackets are written */
      if (request->number != NULL)
        {
          g_autofree char *key = pn_draft_number_key (request->number);

          for (guint i = 0; i < candidates->len && target == NULL; i++)
            {
              PnDocument *other = g_ptr_array_index (candidates, i);
              g_autofree char *other_key = other->doc_number != NULL ? pn_draft_number_key (other->doc_number) : NULL;

              if (g_strcmp0 (other->id, document->id) != 0 && g_strcmp0 (key, other_key) == 0)
                target = other;
            }
        }
      /* else by the title it quotes: the notice's own title first (a
       * number not in the library is another document's) */
      for (guint a = 0; target == NULL && request->number == NULL && a <= document->articles->len; a++)
        {
          const char *text = a == 0 ? document->title.zh
                                    : ((PnArticle *) g_ptr_array_index (document->articles, a - 1))->original;

          for (const char *open = text != NULL ? strstr (text, "《") : NULL; target == NULL && open != NULL;
               open = strstr (open + 1, "《"))
            {
              const char *close = strstr (open, "》");
              g_autofree char *quoted = NULL;

              if (close == NULL)
                break;
              quoted = g_strndup (open + strlen ("《"), close - open - strlen ("《"));
              target = document_by_title (document, candidates, quoted);
            }
        }
      if (target == NULL)
        continue;

      if (request->until != NULL)
        until = g_strdup (request->until);
      else
        {
          GDate day;
          const char *end = pn_document_get_in_force_until (target);

          if (end == NULL || !pn_date_parse (end, &day))
            continue;
          g_date_add_months (&day, request->months);
          until = pn_date_to_iso (&day);
        }

      guessed = id_from_number (request->number, document->jurisdiction);
      for (guint e = 0; e < document->extends->len && extension == NULL; e++)
        {
          PnExtension *own = g_ptr_array_index (document->extends, e);

          if (g_strcmp0 (own->ref, target->id) == 0 || g_strcmp0 (own->ref, guessed) == 0)
            extension = own;
        }
      if (extension == NULL)
        extension = pn_document_add_extension (document, target->id, until);
      else
        {
          g_free (extension->ref);
          extension->ref = g_strdup (target->id);
          g_free (extension->until);
          extension->until = g_strdup (until);
        }
      found++;
    }

  if (document->extends->len > 0)
    {
      /* the drafting note that asked for it is answered; the notice lives
       * as long as what it extends */
      for (guint i = 0; i < document->notes->len; i++)
        if (strstr (((PnText *) g_ptr_array_index (document->notes, i))->zh, "通知延长的文件未能识别") != NULL)
          g_ptr_array_remove_index (document->notes, i--);
      for (guint e = 0; !document->draft && e < document->extends->len; e++)
        {
          const PnExtension *extension = g_ptr_array_index (document->extends, e);

          if (document->in_force_until == NULL || strcmp (document->in_force_until, extension->until) < 0)
            {
              g_free (document->in_force_until);
              document->in_force_until = g_strdup (extension->until);
            }
          if (document->in_force_from == NULL)
            document->in_force_from = g_strdup (document->issued);
        }
      if (document->in_force_from != NULL && document->in_force_until != NULL &&
          strcmp (document->in_force_from, document->in_force_until) > 0)
        g_clear_pointer (&document->in_force_from, g_free);
    }
  return found;
}
