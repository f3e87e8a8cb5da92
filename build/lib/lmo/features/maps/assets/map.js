// Draws every map on the page from the places its container carries as JSON (data-map,
// written by lmo/maps.py). The same reviewed file on every site and every page: names,
// labels and links are data, put on the page as text nodes and attributes, never parsed
// as markup, so nothing an editor types can run as script.
// The numbered list under each map is the content; this only adds the picture.
(function () {
  "use strict";

  function textElement(tag, className, value) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.textContent = value;
    return element;
  }

  // Leaflet's layer control writes a layer's name with innerHTML: hand it escaped text.
  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  function popupContent(point, more) {
    var popup = document.createElement("p");
    popup.className = "app-map__popup";
    popup.appendChild(textElement("strong", "", point.number + ". " + point.name));
    popup.appendChild(document.createElement("br"));
    popup.appendChild(document.createTextNode(point.kindLabel));
    popup.appendChild(document.createElement("br"));
    popup.appendChild(
      textElement("span", "app-status app-status--" + point.status, point.statusLabel)
    );
    popup.appendChild(document.createElement("br"));
    var link = textElement("a", "", more);
    link.setAttribute("href", point.url);
    popup.appendChild(link);
    return popup;
  }

  function marker(point, more) {
    var letter = textElement("span", "app-marker__letter", point.number);
    letter.setAttribute("aria-hidden", "true");
    var drawn = L.marker([point.lat, point.lon], {
      keyboard: true,
      icon: L.divIcon({
        html: letter,
        iconSize: [30, 30],
        iconAnchor: [15, 15],
        className: "app-marker app-marker--" + point.kind + " app-marker--" + point.status,
      }),
    });
    drawn.bindTooltip(textElement("div", "", point.label), { sticky: false });
    drawn.bindPopup(popupContent(point, more), { maxWidth: 260 });
    // Leaflet takes a marker's accessible name from alt only for image icons.
    drawn.on("add", function (event) {
      var icon = event.target.getElement();
      icon.setAttribute("aria-label", point.label);
      icon.setAttribute("role", "button");
    });
    return drawn;
  }

  // Sharp tiles on a high-density screen (four tiles of the next zoom in place of one)
  // cost four times the map's data, so only when the browser says the connection is fast
  // and she has not asked it to save data. Browsers that do not say get sharp tiles.
  function sharpTiles() {
    var link = navigator.connection || {};
    return !link.saveData && !/2g|3g/.test(String(link.effectiveType || ""));
  }

  function draw(container) {
    var data = JSON.parse(container.getAttribute("data-map"));
    var map = L.map(container, {
      center: data.center,
      zoom: 12,
      maxZoom: data.tiles.maxZoom,
      zoomControl: true,
    });
    L.control.scale().addTo(map);
    L.tileLayer(data.tiles.url, {
      attribution: data.tiles.attribution,
      maxZoom: data.tiles.maxZoom,
      detectRetina: sharpTiles(),
    }).addTo(map);
    var layers = {};
    var overlays = {};
    data.layers.forEach(function (layer) {
      layers[layer.kind] = L.featureGroup();
      overlays[escapeHtml(layer.name)] = layers[layer.kind];
    });
    var members = data.points.map(function (point) {
      var drawn = marker(point, data.more);
      drawn.addTo(layers[point.kind]);
      return { marker: drawn, number: point.number, label: point.label };
    });
    data.layers.forEach(function (layer) { layers[layer.kind].addTo(map); });
    if (data.layers.length > 1) {
      L.control.layers(null, overlays, { collapsed: false }).addTo(map);
    }
    if (data.points.length > 1) {
      var bounds = L.latLngBounds(data.points.map(function (p) { return [p.lat, p.lon]; }));
      // Room for the controls: zoom (top left), layers (top right), scale and attribution
      // (bottom), so no marker starts underneath one (WCAG 2.5.8). The first view is set
      // at once: an animated zoom would show every marker, ungrouped, until it ends.
      map.fitBounds(bounds, {
        paddingTopLeft: [54, 96],
        paddingBottomRight: [24, 54],
        animate: false,
      });
      if (window.lmoGroupMarkers) {
        window.lmoGroupMarkers(map, members, data.groupLabel);
      }
    }
  }

  // Drawn after the page's first paint, in a task of its own: the words she came for are on
  // screen first, and drawing a map (tens of milliseconds on a cheap phone) is not added to
  // the theme's start-up work, which runs at DOMContentLoaded too.
  document.addEventListener("DOMContentLoaded", function () {
    requestAnimationFrame(function () {
      setTimeout(function () {
        if (!window.L) { return; }
        var containers = document.querySelectorAll(".app-map__canvas[data-map]");
        Array.prototype.forEach.call(containers, draw);
      }, 0);
    });
  });
})();
