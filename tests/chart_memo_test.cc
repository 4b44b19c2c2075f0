// A drawing frame keeps its latest drawings: a chart asked again is not drawn again, the
// least recently used drawing goes first when the budget is full, and every drawing it
// hands back is the one its key was drawn as.
#include "render/chart_memo.h"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

using duiding::render::ChartMemo;

namespace {

// A drawing that counts how often it was made.
struct Drawer {
  int calls = 0;
  std::function<std::string()> of(const std::string& text) {
    return [this, text] {
      ++calls;
      return "<svg>" + text + "</svg>";
    };
  }
};

}  // namespace

TEST_CASE("a chart asked for a second time is handed back without drawing it again", "[chart-memo]") {
  ChartMemo memo(1000);
  Drawer d;
  CHECK(memo.get("a", d.of("a")) == "<svg>a</svg>");
  CHECK(memo.get("a", d.of("a")) == "<svg>a</svg>");
  CHECK(memo.get("b", d.of("b")) == "<svg>b</svg>");
  CHECK(d.calls == 2);
  CHECK(memo.hits() == 1);
}

TEST_CASE("when the budget is full the least recently used drawing goes first", "[chart-memo]") {
  // Each entry is its key (1 byte) and its drawing (12 bytes): 13 bytes; three fit in 40.
  ChartMemo memo(40);
  Drawer d;
  memo.get("a", d.of("a"));
  memo.get("b", d.of("b"));
  memo.get("c", d.of("c"));
  memo.get("a", d.of("a"));  // a is now the most recently used; b the least
  memo.get("d", d.of("d"));  // b goes
  CHECK(d.calls == 4);
  memo.get("a", d.of("a"));
  memo.get("c", d.of("c"));
  memo.get("d", d.of("d"));
  CHECK(d.calls == 4);
  memo.get("b", d.of("b"));  // drawn again
  CHECK(d.calls == 5);
}

TEST_CASE("a budget of nothing keeps nothing, and a drawing larger than the budget is not kept", "[chart-memo]") {
  ChartMemo none(0);
  Drawer d;
  none.get("a", d.of("a"));
  none.get("a", d.of("a"));
  CHECK(d.calls == 2);
  ChartMemo small(10);
  small.get("big", d.of(std::string(50, 'x')));
  CHECK(small.get("big", d.of(std::string(50, 'x'))) == "<svg>" + std::string(50, 'x') + "</svg>");
  CHECK(d.calls == 4);
}

TEST_CASE("threads asking for the same charts at once each get the drawing of their key", "[chart-memo]") {
  ChartMemo memo(1 << 20);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = std::to_string(i % 50);
        if (memo.get(key, [&] { return "<svg>" + key + "</svg>"; }) != "<svg>" + key + "</svg>") ++wrong[t];
      }
    });
  for (auto& th : threads) th.join();
  CHECK(wrong == std::vector<int>(4, 0));
  CHECK(memo.hits() >= 4 * 2000 - 4 * 50);
}
