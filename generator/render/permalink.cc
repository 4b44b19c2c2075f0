#include "render/permalink.h"

#include "render/html.h"
#include "text/site_text.h"

namespace duiding::render {

std::string permalink(const std::string& href, const std::string& text) {
  // The button names what it copies for readers who reach it out of context (a screen
  // reader's list of buttons); `hidden` until duiding.js can copy.
  return "<p class=\"permalink\"><a class=\"permalink-link\" href=\"" + href + "\">" + escape(text) +
         "</a> <button type=\"button\" class=\"copy-button copy-link\" hidden>" + txt::kopieer_link() + "</button></p>\n";
}

}  // namespace duiding::render
